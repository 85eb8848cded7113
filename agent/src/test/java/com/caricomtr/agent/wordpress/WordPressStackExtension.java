package com.caricomtr.agent.wordpress;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link LazyStack}: one {@link WordPressStack} per test run, started by the first test that asks
 * for it (after that test checked that php and friends are installed) and closed when the run ends.
 */
public final class WordPressStackExtension implements ParameterResolver {

    /** The run's stack, started on first use; a failed start is remembered, not retried by every test. */
    public static final class LazyStack implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        private WordPressStack stack;
        private Throwable failure;

        /**
         * @param withPhpUnit whether the PHPUnit suite is set up too (the first caller decides: the PHPUnit tests
         *                    ask for it, the browser test does not need it)
         */
        public synchronized WordPressStack get(boolean withPhpUnit) throws Exception {
            if (failure != null) {
                throw new IllegalStateException("the WordPress test stack failed to start (see the first failure)",
                        failure);
            }
            if (stack == null) {
                try {
                    stack = WordPressStack.start(withPhpUnit || ExternalTools.find("phpunit").isPresent());
                } catch (Exception | Error e) {
                    failure = e;
                    throw e;
                }
            }
            return stack;
        }

        @Override
        public synchronized void close() {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LazyStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(LazyStack.class, key -> new LazyStack(), LazyStack.class);
    }
}
