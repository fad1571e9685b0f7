package io.carbonx.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRefsTest {

    private static final String DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @ParameterizedTest
    @ValueSource(strings = {"carbonx-node:0.1.0", "busybox:1.37.0", "registry.example.org:5000/carbonx/node:0.1.0",
        "carbonx-node@" + DIGEST, "registry.example.org:5000/carbonx/node@" + DIGEST,
        "carbonx-node:0.1.0@" + DIGEST})
    void acceptsTagsAndDigests(String image) {
        assertThat(ImageRefs.unpinnedReason(image)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"carbonx-node", "registry.example.org:5000/carbonx/node", "carbonx-node:latest",
        "registry.example.org:5000/carbonx/node:latest", "carbonx-node@sha256:abc", "carbonx-node:", ""})
    void refusesLatestUntaggedAndMalformedReferences(String image) {
        assertThat(ImageRefs.unpinnedReason(image)).isPresent();
    }
}
