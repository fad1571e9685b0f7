package io.carbonx.node.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.carbonx.chain.service.AnchorSettings;
import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.node.runtime.CarbonxNode;
import io.carbonx.node.runtime.ServiceCatalog;
import io.carbonx.node.testing.ConsoleBrowser;
import io.carbonx.node.testing.NodeApi;
import io.carbonx.node.testing.NodeFixture;
import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.registry.identity.pki.CaStore;
import io.carbonx.registry.identity.pki.EncryptedKeys;
import io.carbonx.registry.identity.pki.ParticipantIdentity;
import io.carbonx.registry.identity.pki.Pem;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console end to end, in a real headless Chromium against a real node running every service (embedded
 * broker, registry, exchange, credit rating, chain anchor): participants are set up over the API (the regulator is
 * the CA's bootstrap identity; two enterprises and a court register with CSRs and are approved; the enterprises are
 * funded and the seller allocated allowances); then, in the browser, each logs in by loading its own key file
 * (encrypted keys with their passphrase), the seller and the buyer each place a signed order so that they trade, the
 * buyer also places and cancels one, the trade shows in market data and settles into the buyer's holdings; the
 * regulator sees the settlement, the chain height and validators, passes the replay check, freezes and unfreezes an
 * account; the court finds the trade's evidence, downloads it and sees it verified, and sees a copy with one flipped
 * bit rejected. Screenshots are kept in
 * {@code target/console-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class ConsoleEndToEndIT {

    /** The development CA passphrase (registry and chain-anchor share the CA; both use their default). */
    private static final String PASSPHRASE = AnchorSettings.DEV_PASSPHRASE;
    private static final String COURT_PASSPHRASE = "the court's own passphrase";
    private static final String EUA = "EUA-2026";
    private static final Duration WAIT = Duration.ofSeconds(150);

    @TempDir
    static Path workDir;

    private static CarbonxNode node;
    private static NodeApi api;
    private static ConsoleBrowser browser;
    private static String console;
    private static Path regulatorKey;
    private static NodeApi.Member seller;
    private static NodeApi.Member buyer;
    private static NodeApi.Member court;
    private static String tradeId;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowser.assumeInstalled();
        List<CarbonxService> services = ServiceCatalog.discover();
        node = CarbonxNode.start(NodeFixture.config(workDir, Map.of(), services), services);
        api = new NodeApi(node.httpPort());
        setUpParticipants();
        browser = ConsoleBrowser.start();
        console = "http://127.0.0.1:" + node.httpPort() + "/console/";
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void theSellerLogsInWithItsKeyFileAndItsSignedOrderRestsInTheBook() throws Exception {
        login(keyFile("seller", seller, null), null, "ENTERPRISE", seller.id());
        placeOrder("SELL", "80.00", 10);
        browser.await("#book-asks tr[data-key='8000']", WAIT);
        browser.await("#holdings-table tr[data-key='" + EUA + "']", WAIT);
        browser.screenshot("1-enterprise-seller-order-in-book");
        logout();
    }

    @Test
    @Order(2)
    void theBuyerCancelsOneOrderAndTradesWithAnotherThenHoldsTheAllowances() throws Exception {
        login(keyFile("buyer", buyer, null), null, "ENTERPRISE", buyer.id());
        String cancelled = placeOrder("BUY", "70.00", 5);
        browser.await("#open-orders tr[data-key='" + cancelled + "']", WAIT);
        click("#open-orders tr[data-key='" + cancelled + "'] button.cancel");
        browser.until(WAIT, d -> cancelled.equals(browser.find("#cancel-result").getDomAttribute("data-cancelled")),
                "the cancel was not accepted");
        browser.until(WAIT, d -> browser.findAll("#open-orders tr[data-key='" + cancelled + "']").isEmpty(),
                "the cancelled order stayed open");
        placeOrder("BUY", "80.00", 10);
        tradeId = browser.await("#trade-list tbody tr", WAIT).getDomAttribute("data-key");
        browser.until(WAIT, d -> "10".equals(cellText("#holdings-table tr[data-key='" + EUA + "'] td:nth-child(2)")),
                "the bought allowances never reached the buyer's holdings");
        browser.await("svg.depth", WAIT);
        assertThat(browser.find("svg.candles").getDomAttribute("data-points")).isEqualTo("1");
        assertThat(browser.find("svg.candles").getDomAttribute("data-last-close")).isEqualTo("8000");
        browser.screenshot("2-enterprise-buyer-traded");
        logout();
    }

    @Test
    @Order(3)
    void theRegulatorSeesSettlementAndChainPassesTheReplayCheckAndFreezesAndUnfreezes() throws Exception {
        assertThat(tradeId).as("the enterprises' step produced a trade").isNotNull();
        login(regulatorKey, PASSPHRASE, "REGULATOR", null);
        browser.await("#settlements-table tr[data-key='" + tradeId + "']", WAIT);
        browser.until(WAIT, d -> Long.parseLong(browser.find("#chain-height").getDomAttribute("data-height")) > 0,
                "the chain height stayed at 0");
        assertThat(browser.findAll("#validators-table tbody tr")).isNotEmpty();
        browser.find("#replay-run").click();
        WebElement verdict = browser.await("#replay-verdict[data-ok]", WAIT);
        assertThat(verdict.getDomAttribute("data-ok")).as(browser.find("#replay").getText()).isEqualTo("true");
        accountAction(buyer.id(), "freeze", "FROZEN");
        accountAction(buyer.id(), "unfreeze", "ACTIVE");
        browser.screenshot("3-regulator");
        logout();
    }

    @Test
    @Order(4)
    void theCourtFindsDownloadsAndSeesTheTradesEvidenceVerified() throws Exception {
        assertThat(tradeId).as("the enterprises' step produced a trade").isNotNull();
        NodeApi.Response probe = api.get("/api/v1/evidence/trades/" + tradeId, api.login(court.id(), court.signer(),
                WAIT));
        Assumptions.assumeFalse(probe.status() == 404 && !probe.body().containsKey("reasonCode"),
                "the node serves no evidence endpoints (/api/v1/evidence/...): chain-anchor's evidence API is not "
                        + "on this branch yet; the court's evidence step is skipped");
        login(keyFile("court", court, COURT_PASSPHRASE), COURT_PASSPHRASE, "COURT", court.id());
        browser.await("#lead-trades button.pick[data-id='" + tradeId + "']", WAIT);
        click("#lead-trades button.pick[data-id='" + tradeId + "']");
        browser.find("#evidence-fetch").click();
        WebElement verdict = browser.await("#evidence-verdict", Duration.ofMinutes(4));
        browser.screenshot("4-court-evidence");
        assertThat(verdict.getDomAttribute("data-valid")).as(verdict.getText() + "\n"
                + browser.find("#evidence-outcome").getText()).isEqualTo("true");
        assertThat(browser.findAll("#evidence-checks tbody tr")).isNotEmpty();
        assertThat(browser.find("#browser-check").getText()).contains("match SHA256SUMS")
                .contains("the one the node announced");
        assertThat(browser.find("#evidence-download").getDomAttribute("href")).startsWith("blob:");
        logout();
    }

    @Test
    @Order(5)
    void theCourtSeesATamperedCopyOfTheBundleRejected() throws Exception {
        assertThat(tradeId).as("the enterprises' step produced a trade").isNotNull();
        String token = api.login(court.id(), court.signer(), WAIT);
        NodeApi.Response probe = api.get("/api/v1/evidence/trades/" + tradeId, token);
        Assumptions.assumeFalse(probe.status() == 404 && !probe.body().containsKey("reasonCode"),
                "the node serves no evidence endpoints: skipped");
        byte[] bundle = api.bytes("/api/v1/evidence/trades/" + tradeId, token);
        int at = bundle.length / 2;
        bundle[at] = (byte) (bundle[at] ^ 0x01);
        Path tampered = workDir.resolve("tampered-bundle.zip").toAbsolutePath();
        Files.write(tampered, bundle);
        login(keyFile("court-again", court, COURT_PASSPHRASE), COURT_PASSPHRASE, "COURT", court.id());
        browser.find("#bundle-file").sendKeys(tampered.toString());
        WebElement verdict = browser.await("#evidence-verdict", WAIT);
        browser.screenshot("5-court-tampered-bundle");
        assertThat(verdict.getDomAttribute("data-valid")).isEqualTo("false");
        assertThat(browser.find("#evidence-outcome").getText()).contains("FAIL");
        logout();
    }

    private static void setUpParticipants() throws Exception {
        Path ca = workDir.resolve("data").resolve("services").resolve("registry").resolve("ca");
        regulatorKey = ca.resolve(CaStore.BOOTSTRAP_KEY);
        X509Certificate cert;
        try (InputStream in = Files.newInputStream(ca.resolve(CaStore.BOOTSTRAP_CERT))) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        PrivateKey key = EncryptedKeys.decrypt(Files.readString(regulatorKey), PASSPHRASE.toCharArray(), "bootstrap");
        String regulatorId = ParticipantIdentity.of(cert).participantId();
        String regulator = api.login(regulatorId, ParticipantSigner.forKey(key, cert.getPublicKey()), WAIT);
        api.post("/api/v1/instruments", new JsonObject().put("instrumentId", EUA).put("kind", "ALLOWANCE")
                .put("vintage", 2026), regulator).expect(200, "defining " + EUA);
        seller = api.register("Console Seller Power", "ENTERPRISE", regulator);
        buyer = api.register("Console Buyer Steel", "ENTERPRISE", regulator);
        court = api.register("Console District Court", "COURT", regulator);
        String sellerToken = api.login(seller.id(), seller.signer(), WAIT);
        String buyerToken = api.login(buyer.id(), buyer.signer(), WAIT);
        api.post("/api/v1/accounts/" + buyer.id() + "/deposits", new JsonObject().put("transferId", "console-b")
                .put("amountMinor", 1_000_000), buyerToken).expect(200, "funding the buyer");
        api.post("/api/v1/accounts/" + seller.id() + "/deposits", new JsonObject().put("transferId", "console-s")
                .put("amountMinor", 200_000), sellerToken).expect(200, "funding the seller");
        api.post("/api/v1/allocations", new JsonObject().put("allocationId", "console-alloc")
                .put("participantId", seller.id()).put("instrumentId", EUA).put("quantity", 100), regulator)
                .expect(200, "allocating to the seller");
    }

    /** Writes a member's key as the console's user would have it: PKCS#8 PEM, encrypted when a passphrase is given. */
    private static Path keyFile(String name, NodeApi.Member member, String passphrase) throws Exception {
        PrivateKey key = member.keys().getPrivate();
        String pem = passphrase == null ? Pem.encode("PRIVATE KEY", key.getEncoded())
                : EncryptedKeys.encrypt(key, passphrase.toCharArray(), 2_000, new SecureRandom());
        Path file = workDir.resolve(name + ".key.pem");
        Files.writeString(file, pem);
        return file.toAbsolutePath();
    }

    private static void login(Path keyFile, String passphrase, String role, String participantId) {
        browser.open(console);
        browser.find("#key-file").sendKeys(keyFile.toAbsolutePath().toString());
        browser.until(Duration.ofSeconds(20), d -> browser.find("#key-pem").getDomProperty("value").contains(
                "PRIVATE KEY"), "the key file was not read into the page");
        if (passphrase != null) {
            browser.find("#key-passphrase").sendKeys(passphrase);
        }
        browser.find("#login-button").click();
        WebElement who = browser.until(WAIT, d -> {
            List<WebElement> w = browser.findAll("#who[data-role]");
            return w.isEmpty() ? null : w.get(0);
        }, "login as " + role + " failed: " + browser.find("#login-status").getText());
        assertThat(who.getDomAttribute("data-role")).isEqualTo(role);
        if (participantId != null) {
            assertThat(who.getDomAttribute("data-participant")).isEqualTo(participantId);
        }
        assertThat(browser.find("#key-pem").getDomProperty("value")).as("the key is not left in the form").isEmpty();
    }

    private static void logout() {
        browser.find("#logout").click();
        browser.until(WAIT, d -> browser.find("#login").isDisplayed(), "logout did not return to the login");
    }

    /** Fills and submits the order form; returns the order id the gateway assigned. */
    private static String placeOrder(String side, String price, long quantity) {
        browser.until(WAIT, d -> new Select(browser.find("#instrument")).getOptions().size() > 0,
                "no instruments listed");
        new Select(browser.find("#instrument")).selectByValue(EUA);
        new Select(browser.find("#order-side")).selectByValue(side);
        new Select(browser.find("#order-type")).selectByValue("LIMIT");
        WebElement p = browser.find("#order-price");
        p.clear();
        p.sendKeys(price);
        WebElement q = browser.find("#order-quantity");
        q.clear();
        q.sendKeys(Long.toString(quantity));
        String before = browser.find("#order-result").getDomAttribute("data-order-id");
        browser.find("#order-submit").click();
        WebElement result = browser.until(WAIT, d -> {
            WebElement r = browser.find("#order-result");
            String id = r.getDomAttribute("data-order-id");
            return id != null && !id.equals(before) || "REFUSED".equals(r.getDomAttribute("data-status")) ? r : null;
        }, "the order was not answered");
        assertThat(result.getDomAttribute("data-status")).as(result.getText()).isEqualTo("SUBMITTED");
        return result.getDomAttribute("data-order-id");
    }

    private static void accountAction(String participantId, String action, String expectedStatus) {
        String row = "#accounts-table tr[data-key='" + participantId + "']";
        browser.await(row + " button." + action, WAIT);
        click(row + " button." + action);
        browser.until(WAIT, d -> expectedStatus.equals(cellText(row + " .account-status")),
                participantId + " did not become " + expectedStatus + ": " + browser.find("#account-action").getText());
    }

    /** Clicks the element {@code css} names, again if the page re-rendered it in between (it refreshes itself). */
    private static void click(String css) {
        browser.until(WAIT, d -> {
            try {
                browser.find(css).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return null;
            }
        }, "could not click " + css);
    }

    private static String cellText(String css) {
        List<WebElement> found = browser.findAll(css);
        return found.isEmpty() ? null : found.get(0).getText().strip();
    }
}
