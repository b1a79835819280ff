package dev.meads.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code meads keys}: every profile key, its default and its meaning. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Lists every profile key with its default.")
final class KeysCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("Profile keys (set in a .properties file, or with --set key=value):");
        for (String line : Setting.table()) {
            System.out.println(line);
        }
        return 0;
    }
}
