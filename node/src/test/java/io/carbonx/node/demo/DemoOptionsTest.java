package io.carbonx.node.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.node.cli.CarbonxCommand;
import io.carbonx.node.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void aScaleOutOfRange_orAnOpeningTooSoon_isRefusedWithTheOptionNamed() {
        assertThatThrownBy(() -> new DemoOptions(1, 0.05, Path.of("o"), null, false, 0))
                .hasMessageContaining("--scale must be between 0.1 and 5.0");
        assertThatThrownBy(() -> new DemoOptions(1, 1, Path.of("o"), null, false, 5))
                .hasMessageContaining("--open-after must be 20..1800");
        assertThat(new DemoOptions(1, 1, Path.of("o"), Path.of("d"), false, 0).keepData()).isTrue();
    }

    @Test
    void carbonxDemoWithABadScale_exitsWithTheUsageCode_andStartsNothing() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = CarbonxCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--scale",
                "9");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("carbonx demo: --scale must be between");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void carbonxDemoHelp_listsItsOptionsAndExitCodes() {
        StringWriter out = new StringWriter();

        int code = CarbonxCommand.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "demo",
                "--help");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("--seed", "--scale", "--out", "--keep", "--data-dir", "--open-after",
                "3 a check failed");
    }
}
