package io.carbonx.node.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a node's configuration comes from.
 *
 * @param configFile      {@code --config FILE}; when empty, {@code <workingDir>/config/carbonx.yaml} is used if it
 *                        exists, else only the built-in defaults
 * @param workingDir      resolves the default config file and relative paths in the configuration
 * @param env             the environment ({@code System.getenv()} in production); see {@link EnvOverrides}
 * @param dataDirOverride {@code --data-dir DIR}: wins over {@code node.dataDir} from every other source
 */
public record ConfigRequest(Optional<Path> configFile, Path workingDir, Map<String, String> env,
                            Optional<String> dataDirOverride) {
    public ConfigRequest {
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(workingDir, "workingDir");
        env = Map.copyOf(new TreeMap<>(env));
        Objects.requireNonNull(dataDirOverride, "dataDirOverride");
    }

    /** Defaults only (plus {@code env}), no file, no override, relative to {@code workingDir}. */
    public static ConfigRequest defaults(Path workingDir) {
        return new ConfigRequest(Optional.empty(), workingDir, Map.of(), Optional.empty());
    }

    public ConfigRequest withConfigFile(Path file) {
        return new ConfigRequest(Optional.of(file), workingDir, env, dataDirOverride);
    }

    public ConfigRequest withEnv(Map<String, String> newEnv) {
        return new ConfigRequest(configFile, workingDir, newEnv, dataDirOverride);
    }

    public ConfigRequest withDataDir(String dataDir) {
        return new ConfigRequest(configFile, workingDir, env, Optional.of(dataDir));
    }
}
