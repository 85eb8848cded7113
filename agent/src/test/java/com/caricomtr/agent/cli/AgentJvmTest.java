package com.caricomtr.agent.cli;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The agent's JVM flags have one source, agent-jvm.options: AgentJvm reads it as the java launcher does, and
 * scripts/agent.sh and the Dockerfile hand that very file to the launcher instead of copies of its flags.
 */
class AgentJvmTest {
    private static final Path OPTIONS = Path.of("src/main/resources", AgentJvm.OPTIONS_FILE);
    private static final Path REPOSITORY = Path.of("..");

    @Test
    void theJavaLauncherMakesTheSameFlagsOfTheFileAsAgentJvm() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "@" + OPTIONS.toAbsolutePath(), "-cp", System.getProperty("java.class.path"),
                PrintJvmArguments.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("this JDK accepts every flag: %s", output).isZero();

        assertThat(AgentJvm.flags()).isNotEmpty().allMatch(flag -> flag.startsWith("-X"));
        assertThat(output.lines().toList()).as("the JVM's input arguments").startsWith(
                AgentJvm.flags().toArray(String[]::new));
        assertThat(AgentJvm.FLAGS).isEqualTo(String.join(" ", AgentJvm.flags()));
    }

    @Test
    void theClasspathCopyIsTheFileTheScriptsAndTheImageUse() throws Exception {
        assertThat(AgentJvm.flags()).isEqualTo(AgentJvm.parse(Files.readString(OPTIONS)));
    }

    @Test
    void agentShPassesTheFileToServeOnly() throws Exception {
        String script = Files.readString(REPOSITORY.resolve("scripts/agent.sh"));
        assertThat(script).contains("if [ \"${1:-}\" = serve ]; then\n"
                + "  jvm_options=(\"@$root/agent/src/main/resources/" + AgentJvm.OPTIONS_FILE + "\")\n");
        assertThat(script).contains("exec java \"${jvm_options[@]}\" -jar");
        assertNoCopiedFlags(script);
    }

    @Test
    void theDockerfileCopiesTheFileAndItsEntrypointUsesIt() throws Exception {
        String dockerfile = Files.readString(REPOSITORY.resolve("docker/Dockerfile"));
        assertThat(dockerfile).contains("COPY --from=build /src/agent/src/main/resources/" + AgentJvm.OPTIONS_FILE
                + " agent/\n");
        assertThat(dockerfile).containsPattern("(?m)^WORKDIR /opt/caricomtr$");
        assertThat(dockerfile).containsPattern("(?m)^ENTRYPOINT \\[\"java\", \"@/opt/caricomtr/agent/"
                + AgentJvm.OPTIONS_FILE.replace(".", "\\.") + "\", ");
        assertThat(dockerfile).doesNotContain("JAVA_TOOL_OPTIONS");
        assertNoCopiedFlags(dockerfile);
    }

    @Test
    void anArgfileTheLauncherWouldReadOtherwiseIsRefused() {
        assertThat(AgentJvm.parse("# a comment\n-Xmx96m  # heap\n\n  -XX:+UseSerialGC -Xss512k\n"))
                .containsExactly("-Xmx96m", "-XX:+UseSerialGC", "-Xss512k");
        assertThatIllegalStateException().isThrownBy(() -> AgentJvm.parse("\"-Dname=a b\""))
                .withMessageContaining("without quotes");
    }

    private static void assertNoCopiedFlags(String text) {
        for (String flag : AgentJvm.flags()) {
            assertThat(text).as("a copy of %s", flag).doesNotContain(flag);
        }
    }

    /** Prints the JVM's own arguments, one a line: what the launcher made of the argfile. */
    public static final class PrintJvmArguments {
        public static void main(String[] args) {
            ManagementFactory.getRuntimeMXBean().getInputArguments().forEach(System.out::println);
        }
    }
}
