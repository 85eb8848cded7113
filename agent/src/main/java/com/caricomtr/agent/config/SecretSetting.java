package com.caricomtr.agent.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

import io.helidon.config.Config;

/**
 * A secret of the configuration ({@code password}, {@code secret}, {@code api-token}), given one of three ways:
 * <ul>
 *     <li>{@code name-file}: a file holding it (Docker and Kubernetes secrets, systemd credentials); one trailing
 *     line break is dropped, and a file others may read is worth a warning;</li>
 *     <li>{@code name-env}: the name of an environment variable holding it; that variable must be set;</li>
 *     <li>{@code name}: inline, in a file only the agent's user may read.</li>
 * </ul>
 * A file or a variable that is named but missing is refused, naming it: falling back to the inline value, or to an
 * empty password, would start the agent on a credential nobody meant.
 */
public final class SecretSetting {
    private static final System.Logger LOG = System.getLogger(SecretSetting.class.getName());
    private static final Set<PosixFilePermission> LOOSE = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private SecretSetting() {
    }

    /** The secret {@code name} of {@code node}; empty when none of the three keys is given. */
    public static Optional<String> read(Config node, String name) {
        Config file = node.get(name + "-file");
        if (file.exists()) {
            return Optional.of(fromFile(key(file), Path.of(file.asString().get())));
        }
        Config env = node.get(name + "-env");
        if (env.exists()) {
            String variable = env.asString().get();
            String value = System.getenv(variable);
            if (value == null) {
                throw new ConfigurationRefused(key(env) + " names the environment variable " + variable
                        + ", which is not set in the agent's environment: set it, or give " + name + " another way");
            }
            return Optional.of(value);
        }
        return node.get(name).asString().asOptional();
    }

    private static String fromFile(String key, Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationRefused(key + ": cannot read " + path + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): check the path and that the"
                    + " agent's user may read it");
        }
        warnIfLoose(key, path);
        return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static void warnIfLoose(String key, Path path) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            if (permissions.stream().anyMatch(LOOSE::contains)) {
                LOG.log(System.Logger.Level.WARNING, key + ": " + path + " may be read by users other than its"
                        + " owner (" + java.nio.file.attribute.PosixFilePermissions.toString(permissions)
                        + "): chmod 600 it");
            }
        } catch (IOException | UnsupportedOperationException notPosix) {
            // Symbolic links (Kubernetes mounts secrets so) and non-POSIX file systems: nothing to judge here.
        }
    }

    private static String key(Config node) {
        return node.key().toString();
    }
}
