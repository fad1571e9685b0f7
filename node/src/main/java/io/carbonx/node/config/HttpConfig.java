package io.carbonx.node.config;

/**
 * The HTTP API listener ({@code http.*}).
 *
 * @param host interface to bind ({@code http.host})
 * @param port port to bind, 0 = a free port ({@code http.port})
 */
public record HttpConfig(String host, int port) {
}
