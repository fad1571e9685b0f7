/**
 * RFC 3161 time-stamps over block hashes (BouncyCastle TSP).
 *
 * <ul>
 *   <li>{@link io.carbonx.chain.timestamp.TimestampAuthority}: the consortium TSA (court node by default), own
 *       key and a registry-issued certificate with the time-stamping profile; time is a parameter.</li>
 *   <li>{@link io.carbonx.chain.timestamp.TimestampClient}: {@link io.carbonx.chain.timestamp.LocalTimestampClient}
 *       (in-process TSA) or {@link io.carbonx.chain.timestamp.HttpTimestampClient}
 *       ({@code application/timestamp-query} over HTTP: the court node's {@link
 *       io.carbonx.chain.timestamp.TsaHttpHandler} or an external TSA), chosen by
 *       {@link io.carbonx.chain.timestamp.TimestampConfig} through {@link io.carbonx.chain.timestamp.TimestampClients}.</li>
 *   <li>{@link io.carbonx.chain.timestamp.TimestampVerifier}: offline check of a token over an expected hash:
 *       form, imprint, signer, signature, certificate chain to the root at genTime, time-stamping EKU.</li>
 *   <li>{@link io.carbonx.chain.timestamp.BlockTimestamps}: a granted token as a {@code BlockTimestamped} event.</li>
 * </ul>
 * An adapter package (BouncyCastle, Vert.x, java.net.http), not a core.
 */
package io.carbonx.chain.timestamp;
