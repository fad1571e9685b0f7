/**
 * The node's web console: its static files ({@link io.carbonx.node.console.ConsoleAssets}, from
 * {@code classpath:console/}, listed in {@code console/assets.txt}), the routes that serve them under
 * {@code /console/} with a strict Content-Security-Policy ({@link io.carbonx.node.console.ConsoleRoutes}), and the one
 * server-side helper the console needs: {@code POST /api/v1/evidence-verifications}
 * ({@link io.carbonx.node.console.EvidenceVerificationRoute}), chain-anchor's evidence verifier against the
 * consortium root. {@link io.carbonx.node.console.NodeConsole} mounts them on the node's router. Everything else the
 * console shows comes from the authenticated API; keys never leave the browser (see {@code console/js/keys.js}).
 */
package io.carbonx.node.console;
