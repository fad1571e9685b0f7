package io.carbonx.node.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.node.testing.ConsoleBrowser;
import io.carbonx.registry.identity.SignatureVerifier;
import io.carbonx.registry.identity.pki.BcProvider;
import io.carbonx.registry.identity.pki.EncryptedKeys;
import io.carbonx.registry.identity.pki.KeyPolicy;
import io.carbonx.registry.identity.pki.Pem;
import io.carbonx.requests.CancelRequest;
import io.carbonx.requests.OrderRequest;
import io.carbonx.schemas.EventCodec;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.apache.avro.SchemaNormalization;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The console's browser-side cryptography against the Java reference, in a real headless Chromium: the request
 * encoder's bytes equal {@link EventCodec#encode} (the canonical, signed bytes) for seeded random orders and
 * cancels, its embedded schemas are the contract's Parsing Canonical Forms, keys loaded from PKCS#8 PEM (plain and
 * encrypted as the registry writes them) give the participant id the registry derives, and their WebCrypto
 * signatures, converted for the node, verify with the node's {@link SignatureVerifier}. Only the console's static
 * files are served (no broker).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ConsoleCodecIT {

    private static final long SEED = Long.getLong("carbonx.seed", System.nanoTime());
    private static Vertx vertx;
    private static HttpServer server;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowser.assumeInstalled();
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        ConsoleRoutes.mount(router, ConsoleAssets.load());
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .await(30, TimeUnit.SECONDS);
        browser = ConsoleBrowser.start();
        browser.open("http://127.0.0.1:" + server.actualPort() + "/console/");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (vertx != null) {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theEmbeddedSchemasAreTheContractsParsingCanonicalForms() {
        JsonObject r = call("const m = await import('/console/js/requests.js');"
                + "return {order: m.ORDER_REQUEST_PCF, cancel: m.CANCEL_REQUEST_PCF,"
                + " orderFp: m.ORDER_ENCODER.fingerprintHex(), cancelFp: m.CANCEL_ENCODER.fingerprintHex()};");

        assertThat(r.getString("order")).isEqualTo(SchemaNormalization.toParsingForm(OrderRequest.getClassSchema()));
        assertThat(r.getString("cancel")).isEqualTo(SchemaNormalization.toParsingForm(CancelRequest.getClassSchema()));
        assertThat(r.getString("orderFp")).isEqualTo(hex64(EventCodec.fingerprintOf(OrderRequest.class)));
        assertThat(r.getString("cancelFp")).isEqualTo(hex64(EventCodec.fingerprintOf(CancelRequest.class)));
    }

    @Test
    void theBrowserEncodesSeededRandomOrdersAndCancelsToExactlyJavasBytes() {
        Random random = new Random(SEED);
        JsonArray inputs = new JsonArray();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            if (random.nextInt(4) == 0) {
                CancelRequest c = CancelRequest.newBuilder().setChainId(text(random)).setParticipantId(text(random))
                        .setSequence(anyLong(random)).setOrderId(text(random)).setInstrumentId(text(random)).build();
                inputs.add(new JsonObject().put("kind", "cancel").put("v", new JsonObject()
                        .put("chainId", c.getChainId()).put("participantId", c.getParticipantId())
                        .put("sequence", Long.toString(c.getSequence())).put("orderId", c.getOrderId())
                        .put("instrumentId", c.getInstrumentId())));
                expected.add(HexFormat.of().formatHex(EventCodec.standard().encode(c)));
            } else {
                OrderRequest o = order(random);
                inputs.add(new JsonObject().put("kind", "order").put("v", new JsonObject()
                        .put("chainId", o.getChainId()).put("participantId", o.getParticipantId())
                        .put("sequence", Long.toString(o.getSequence())).put("clientOrderId", o.getClientOrderId())
                        .put("instrumentId", o.getInstrumentId()).put("side", o.getSide().name())
                        .put("orderType", o.getOrderType().name()).put("timeInForce", o.getTimeInForce().name())
                        .put("priceMinor", o.getPriceMinor() == null ? null : o.getPriceMinor().toString())
                        .put("quantity", Long.toString(o.getQuantity()))
                        .put("expiresAtMs", o.getExpiresAtMs() == null ? null : o.getExpiresAtMs().toString())));
                expected.add(HexFormat.of().formatHex(EventCodec.standard().encode(o)));
            }
        }
        JsonObject r = call("const m = await import('/console/js/requests.js');"
                + "return {hex: JSON.parse(arguments[0]).map(x => m.toHex(x.kind === 'order' ? m.encodeOrder(x.v)"
                + " : m.encodeCancel(x.v)))};", inputs.encode());

        List<Object> actual = r.getJsonArray("hex").stream().toList();
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("request %d (seed %d): %s", i, SEED, inputs.getJsonObject(i).encode())
                    .isEqualTo(expected.get(i));
        }
    }

    @Test
    void theEncoderRefusesValuesOutsideTheSchema() {
        JsonObject r = call("const m = await import('/console/js/requests.js');"
                + "const base = {chainId: 'c', participantId: 'p', sequence: 1, clientOrderId: 'x', instrumentId: 'I',"
                + " side: 'BUY', orderType: 'LIMIT', timeInForce: 'GTC', priceMinor: 1, quantity: 1, expiresAtMs: null};"
                + "const fails = v => { try { m.encodeOrder({...base, ...v}); return 'encoded'; }"
                + " catch (e) { return e.name; } };"
                + "return {side: fails({side: 'HOLD'}), qty: fails({quantity: 'ten'}), missing: fails({chainId: undefined}),"
                + " big: fails({sequence: '9223372036854775808'}), frac: fails({quantity: 1.5}), ok: fails({})};");

        assertThat(r.getString("side")).isEqualTo("TypeError");
        assertThat(r.getString("qty")).isEqualTo("TypeError");
        assertThat(r.getString("missing")).isEqualTo("TypeError");
        assertThat(r.getString("big")).isEqualTo("RangeError");
        assertThat(r.getString("frac")).isEqualTo("TypeError");
        assertThat(r.getString("ok")).isEqualTo("encoded");
    }

    @Test
    void keysOfEveryAcceptedKindSignInTheBrowserWhatTheNodesVerifierAccepts() throws Exception {
        Map<String, KeyPair> keys = Map.of(
                "EC_P256", generate("EC", new ECGenParameterSpec("secp256r1")),
                "EC_P384", generate("EC", new ECGenParameterSpec("secp384r1")),
                "ED25519", generate("Ed25519", null),
                "RSA", generate("RSA", null));
        for (Map.Entry<String, KeyPair> e : keys.entrySet()) {
            String pem = Pem.encode("PRIVATE KEY", e.getValue().getPrivate().getEncoded());
            assertSignsVerifiably(e.getKey(), e.getValue(), pem, "");
        }
        KeyPair encrypted = keys.get("EC_P256");
        String pem = EncryptedKeys.encrypt(encrypted.getPrivate(), "a console passphrase é".toCharArray(), 2_000,
                new SecureRandom());
        assertSignsVerifiably("EC_P256", encrypted, pem, "a console passphrase é");
    }

    @Test
    void anEncryptedKeyNeedsItsPassphrase() throws Exception {
        KeyPair kp = generate("EC", new ECGenParameterSpec("secp256r1"));
        String pem = EncryptedKeys.encrypt(kp.getPrivate(), "right".toCharArray(), 1_000, new SecureRandom());
        JsonObject r = call("const {ParticipantKey} = await import('/console/js/keys.js');"
                + "const code = async p => { try { await ParticipantKey.fromPem(arguments[0], p); return 'loaded'; }"
                + " catch (e) { return e.code; } };"
                + "let junk; try { await ParticipantKey.fromPem('not a key', ''); junk = 'loaded'; }"
                + " catch (e) { junk = e.code; }"
                + "return {none: await code(''), wrong: await code('wrong'), right: await code('right'), junk};",
                pem);

        assertThat(r.getString("none")).isEqualTo("PASSPHRASE_REQUIRED");
        assertThat(r.getString("wrong")).isEqualTo("WRONG_PASSPHRASE");
        assertThat(r.getString("right")).isEqualTo("loaded");
        assertThat(r.getString("junk")).isEqualTo("NOT_PEM");
    }

    @Test
    void rawEcdsaSignaturesBecomeTheDerEncodingTheVerifierDecodes() {
        Random random = new Random(SEED);
        BigInteger n = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
        JsonArray raws = new JsonArray();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            BigInteger r = edgy(random, i).min(n.subtract(BigInteger.ONE));
            BigInteger s = edgy(random, i + 7).min(n.subtract(BigInteger.ONE));
            byte[] raw = new byte[64];
            copyFixed(r, raw, 0);
            copyFixed(s, raw, 32);
            raws.add(HexFormat.of().formatHex(raw));
            try {
                expected.add(HexFormat.of().formatHex(StandardDSAEncoding.INSTANCE.encode(n, r, s)));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        JsonObject out = call("const k = await import('/console/js/keys.js');"
                + "const fromHex = t => new Uint8Array(t.match(/../g).map(b => parseInt(b, 16)));"
                + "const toHex = b => Array.from(b, x => x.toString(16).padStart(2, '0')).join('');"
                + "return {der: JSON.parse(arguments[0]).map(t => toHex(k.rawEcdsaToDer(fromHex(t))))};", raws.encode());

        assertThat(out.getJsonArray("der").stream().map(String::valueOf).toList()).as("seed %d", SEED).isEqualTo(expected);
    }

    private static void assertSignsVerifiably(String kind, KeyPair kp, String pem, String passphrase) {
        List<String> messages = new ArrayList<>();
        Random random = new Random(SEED);
        for (int i = 0; i < 12; i++) {
            byte[] m = new byte[random.nextInt(300)];
            random.nextBytes(m);
            messages.add(Base64.getEncoder().encodeToString(m));
        }
        JsonObject r = call("const {ParticipantKey} = await import('/console/js/keys.js');"
                + "const key = await ParticipantKey.fromPem(arguments[0], arguments[1]);"
                + "const b64 = b => btoa(String.fromCharCode(...b));"
                + "const sigs = [];"
                + "for (const m of JSON.parse(arguments[2])) {"
                + "  const bytes = Uint8Array.from(atob(m), c => c.charCodeAt(0));"
                + "  sigs.push(b64(await key.sign(bytes))); }"
                + "return {id: key.participantId, kind: key.kind, sigs};", pem, passphrase,
                new JsonArray(messages).encode());

        assertThat(r.getString("kind")).isEqualTo(kind);
        assertThat(r.getString("id")).as(kind).isEqualTo(KeyPolicy.participantId(
                SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded())));
        SignatureVerifier verifier = SignatureVerifier.forPublicKey(kp.getPublic());
        for (int i = 0; i < messages.size(); i++) {
            byte[] message = Base64.getDecoder().decode(messages.get(i));
            byte[] signature = Base64.getDecoder().decode(r.getJsonArray("sigs").getString(i));
            assertThat(verifier.verify(message, signature)).as("%s signature %d (seed %d)", kind, i, SEED).isTrue();
        }
        byte[] tampered = "another message".getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(tampered, Base64.getDecoder().decode(r.getJsonArray("sigs").getString(0))))
                .isFalse();
    }

    /** Runs {@code body} as an async function in the page; its result (a JSON-able object) comes back. */
    private static JsonObject call(String body, Object... args) {
        String script = "const done = arguments[arguments.length - 1];"
                + "const run = async function () {" + body + "};"
                + "run.apply(null, Array.prototype.slice.call(arguments, 0, arguments.length - 1))"
                + ".then(v => done(JSON.stringify({ok: v})), e => done(JSON.stringify({error: String(e)"
                + " + ' ' + (e && e.stack)})));";
        JsonObject result = new JsonObject((String) browser.async(script, args));
        assertThat(result.getString("error")).as("browser error").isNull();
        return result.getJsonObject("ok");
    }

    private static OrderRequest order(Random random) {
        boolean market = random.nextInt(5) == 0;
        return OrderRequest.newBuilder().setChainId(text(random)).setParticipantId(text(random))
                .setSequence(anyLong(random)).setClientOrderId(text(random)).setInstrumentId(text(random))
                .setSide(Side.values()[random.nextInt(Side.values().length)])
                .setOrderType(market ? OrderType.MARKET : OrderType.LIMIT)
                .setTimeInForce(TimeInForce.values()[random.nextInt(TimeInForce.values().length)])
                .setPriceMinor(market ? null : anyLong(random)).setQuantity(anyLong(random))
                .setExpiresAtMs(random.nextBoolean() ? null : anyLong(random)).build();
    }

    private static final String[] ALPHABETS = {"abcXYZ019-_.", "äöüßéèñ", "公司碳排放", "😀🌍", " \t\"\\/"};

    private static String text(Random random) {
        int len = random.nextInt(random.nextInt(10) == 0 ? 200 : 24);
        StringBuilder b = new StringBuilder();
        while (b.length() < len) {
            String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
            b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return b.toString();
    }

    private static long anyLong(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> Long.MAX_VALUE - random.nextInt(3);
            case 1 -> Long.MIN_VALUE + random.nextInt(3);
            case 2 -> random.nextInt(200) - 100;
            case 3 -> random.nextLong();
            default -> random.nextLong() >>> random.nextInt(63);
        };
    }

    /** Values with leading zero bytes, the high bit set, or small: every DER INTEGER case. */
    private static BigInteger edgy(Random random, int i) {
        return switch (i % 5) {
            case 0 -> new BigInteger(1, bytes(random, 32)).setBit(255);
            case 1 -> new BigInteger(1, bytes(random, 32)).shiftRight(8 + random.nextInt(24)).add(BigInteger.ONE);
            case 2 -> BigInteger.valueOf(1 + random.nextInt(255));
            case 3 -> new BigInteger(1, bytes(random, 32)).clearBit(255).setBit(247);
            default -> new BigInteger(1, bytes(random, 32)).add(BigInteger.ONE);
        };
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static void copyFixed(BigInteger v, byte[] out, int offset) {
        byte[] b = v.toByteArray();
        int start = b.length > 32 ? b.length - 32 : 0;
        int len = b.length - start;
        System.arraycopy(b, start, out, offset + 32 - len, len);
    }

    private static KeyPair generate(String algorithm, java.security.spec.AlgorithmParameterSpec spec)
            throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm, BcProvider.get());
        if (spec != null) {
            g.initialize(spec);
        } else if (algorithm.equals("RSA")) {
            g.initialize(2048);
        }
        return g.generateKeyPair();
    }

    private static String hex64(long v) {
        return String.format("%016x", v);
    }

    static {
        System.out.println("ConsoleCodecIT seed: " + SEED + " (rerun with -Dcarbonx.seed=" + SEED + ")");
    }
}
