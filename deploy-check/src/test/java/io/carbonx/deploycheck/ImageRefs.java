package io.carbonx.deploycheck;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pinning rule for container images.
 *
 * <p>An image reference is {@code [registry[:port]/]path[:tag][@digest]}. It is pinned when it has a digest
 * ({@code @sha256:} and 64 lower-case hex digits) or a tag, and the tag is not {@code latest}. An untagged name
 * means {@code latest} to the container runtime, so it is refused too.
 */
final class ImageRefs {

    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private ImageRefs() {
    }

    /**
     * @param image an image reference as written in a manifest
     * @return why it is not pinned, or empty if it is
     */
    static Optional<String> unpinnedReason(String image) {
        if (image == null || image.isBlank()) {
            return Optional.of("no image");
        }
        String name = image;
        int at = image.indexOf('@');
        if (at >= 0) {
            String digest = image.substring(at + 1);
            if (!DIGEST.matcher(digest).matches()) {
                return Optional.of("malformed digest '" + digest + "' (expected sha256:<64 hex>)");
            }
            name = image.substring(0, at);
        }
        int lastSlash = name.lastIndexOf('/');
        int colon = name.indexOf(':', lastSlash + 1);
        if (colon < 0) {
            return at >= 0 ? Optional.empty() : Optional.of("untagged (means latest): pin a tag or a digest");
        }
        String tag = name.substring(colon + 1);
        if (!TAG.matcher(tag).matches()) {
            return Optional.of("malformed tag '" + tag + "'");
        }
        if ("latest".equals(tag)) {
            return Optional.of("tag 'latest' is not a pin: use a release tag or a digest");
        }
        return Optional.empty();
    }
}
