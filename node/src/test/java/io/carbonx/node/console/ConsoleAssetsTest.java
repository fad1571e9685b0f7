package io.carbonx.node.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The console's manifest is complete and its files are self-contained (nothing is loaded from elsewhere). */
class ConsoleAssetsTest {

    private static final Path SOURCE = Path.of("src", "main", "resources", ConsoleAssets.ROOT);

    @Test
    void theManifestListsExactlyTheConsolesFiles() throws IOException {
        TreeSet<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCE)) {
            files.filter(Files::isRegularFile).map(p -> SOURCE.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(ConsoleAssets.MANIFEST)).forEach(onDisk::add);
        }
        TreeSet<String> served = new TreeSet<>();
        ConsoleAssets.load().paths().forEach(served::add);

        assertThat(served).isEqualTo(onDisk);
    }

    @Test
    void everyModuleImportResolvesToAServedFile() {
        ConsoleAssets assets = ConsoleAssets.load();
        Pattern imports = Pattern.compile("(?:import|from)\\s*\\(?\\s*'(\\./[^']+)'");
        List<String> missing = new ArrayList<>();
        for (String path : assets.paths()) {
            if (!path.endsWith(".js")) {
                continue;
            }
            String text = new String(assets.find(path).orElseThrow().bytes(), StandardCharsets.UTF_8);
            Matcher m = imports.matcher(text);
            while (m.find()) {
                String target = Path.of(path).resolveSibling(m.group(1)).normalize().toString().replace('\\', '/');
                if (assets.find(target).isEmpty()) {
                    missing.add(path + " -> " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void nothingIsLoadedFromAnotherOrigin() {
        ConsoleAssets assets = ConsoleAssets.load();
        for (String path : assets.paths()) {
            String text = new String(assets.find(path).orElseThrow().bytes(), StandardCharsets.UTF_8);
            assertThat(text).as(path).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//")
                    .doesNotContainPattern("(?i)(import|fetch)\\s*\\(?\\s*['\"]https?://")
                    .doesNotContainPattern("(?i)@import\\s+url\\(\\s*['\"]?https?:");
        }
    }

    @Test
    void onlyKnownFileTypesAreServed() {
        assertThat(ConsoleAssets.contentType("js/app.js")).contains("text/javascript; charset=utf-8");
        assertThat(ConsoleAssets.contentType("index.html")).contains("text/html; charset=utf-8");
        assertThat(ConsoleAssets.contentType("console.css")).contains("text/css; charset=utf-8");
        assertThat(ConsoleAssets.contentType("archive.zip")).isEmpty();
        assertThat(ConsoleAssets.contentType("noextension")).isEmpty();
    }
}
