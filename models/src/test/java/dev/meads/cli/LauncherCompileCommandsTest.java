package dev.meads.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The launcher's per-method JIT options name classes and methods that exist: the JVM ignores a
 * pattern that matches nothing without a word, so a renamed class or method would silently lose
 * its option. (In the models module, which sees the engine's classes and the models' own.)
 */
class LauncherCompileCommandsTest {
    @Test
    void everyMethodTheLauncherNamesExists() throws Exception {
        Path launcher = Path.of("..", "meads");
        assertTrue(Files.isRegularFile(launcher), "the launcher beside the modules: " + launcher.toAbsolutePath());
        Matcher m = Pattern.compile("-XX:CompileCommand=\\w+,([\\w.$]+)::(\\w+|\\*)")
                .matcher(Files.readString(launcher));
        List<String> named = new ArrayList<>();
        while (m.find()) {
            Class<?> type = Class.forName(m.group(1), false, getClass().getClassLoader());
            String method = m.group(2);
            Method[] declared = type.getDeclaredMethods();
            assertTrue(Arrays.stream(declared).anyMatch(d -> method.equals("*") || d.getName().equals(method)),
                    m.group(1) + " has no method " + method);
            named.add(m.group(1) + "::" + method);
        }
        assertTrue(named.contains("dev.meads.engine.nuts.NutsKernel::build"), named.toString());
        assertTrue(named.contains("dev.meads.models.irt.Irt2plChainKernel::*"), named.toString());
        assertTrue(named.size() >= 6, named.toString());
    }
}
