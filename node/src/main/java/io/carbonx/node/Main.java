package io.carbonx.node;

import io.carbonx.node.cli.CarbonxCommand;

/** Entry point of {@code carbonx}: runs the command line and exits with its code (see {@link CarbonxCommand}). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(CarbonxCommand.execute(args));
    }
}
