package io.carbonx.node.cli;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.events.BlockCommitted;
import io.carbonx.node.client.ClientException;
import io.carbonx.node.client.NodeClient;
import io.carbonx.node.client.Report;
import io.carbonx.node.client.TopicReader;
import io.carbonx.node.client.chain.AnchoredEvents;
import io.carbonx.node.client.chain.BlockLog;
import io.carbonx.node.client.chain.ChainVerifier;
import io.carbonx.node.client.chain.ValidatorCertificates;
import io.carbonx.registry.identity.CertificateValidator;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.ParticipantIdentity;
import io.carbonx.registry.identity.pki.Pem;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code carbonx chain verify}: the committed chain, end to end. */
@Command(name = "chain", mixinStandardHelpOptions = true, description = "The anchoring chain: verify it end to end.",
        subcommands = {ChainCommand.VerifyCommand.class})
final class ChainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("carbonx chain: missing subcommand (verify)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * Reads every {@code BlockCommitted} of the blocks topic (the node serves no chain endpoint; Kafka is the
     * source of truth) and verifies: heights, headers and hash links, commit certificates against the validators'
     * certificates and the consortium root ({@link ChainVerifier}), and each block's Merkle root and size recomputed
     * from the anchored topics ({@link AnchoredEvents}).
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify the committed chain end to end: every block of the blocks topic, the hash links,"
                    + " every commit certificate (2f+1 valid validator signatures, certificates chaining to the"
                    + " consortium root), and every block's Merkle root recomputed from the events in Kafka.",
                    "The node is only asked for its Kafka address and chain id (/health) and, without --root, its"
                            + " root certificate.",
                    "Exit codes: 0 valid, 3 invalid (the failed checks are printed), 2 usage (e.g. no"
                            + " --validators), 7 node or Kafka unreachable."})
    static final class VerifyCommand extends ClientCommand {

        @Option(names = "--validators", paramLabel = "PATH", split = ",",
                description = "The validators' certificates: PEM files or directories searched recursively, e.g."
                        + " <node data dir>/services/chain-anchor/validators.")
        List<Path> validators = new ArrayList<>();

        @Option(names = "--validator-count", paramLabel = "N",
                description = "n, the number of validators (default: the validator certificates given).")
        Integer validatorCount;

        @Option(names = "--root", paramLabel = "FILE",
                description = "The consortium root certificate (default: the node's /api/v1/ca).")
        Path root;

        @Option(names = "--crl", paramLabel = "FILE", description = "The issuing CA's CRL (PEM), to check revocation.")
        Path crl;

        @Option(names = "--bootstrap-servers", paramLabel = "HOSTS",
                description = "Kafka bootstrap servers (default: those the node reports on /health).")
        String bootstrapServers;

        @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = "carbonx.chain.blocks",
                description = "The blocks topic (default: ${DEFAULT-VALUE}).")
        String topic;

        @Option(names = "--chain-id", paramLabel = "ID",
                description = "The chain (default: the node's chain-anchor chainId, else the blocks').")
        String chainId;

        @Option(names = "--skip-events", description = "Do not read the anchored events back (headers and"
                + " certificates only).")
        boolean skipEvents;

        @Override
        int run(PrintWriter out) {
            require(!validators.isEmpty(), "give the validators' certificates with --validators PATH (e.g. <node"
                    + " data dir>/services/chain-anchor/validators); a commit certificate cannot be checked without"
                    + " them");
            ValidatorCertificates certs = ValidatorCertificates.load(validators);
            NodeClient node = options.client(null);
            NodeStatus status = bootstrapServers != null && chainId != null && root != null ? null
                    : NodeStatus.read(node);
            String bootstrap = bootstrapServers != null ? bootstrapServers : status.bootstrap(null);
            CertificateValidator trust = trust(certs, node, out);
            int n = validatorCount != null ? validatorCount : validatorCount(certs);
            try (TopicReader reader = new TopicReader(new KafkaClients(bootstrap), "carbonx-cli-chain",
                    options.timeout())) {
                BlockLog log = BlockLog.read(reader, topic);
                String chain = chainId(status, log.blocks());
                out.println("chain " + chain + ": " + log.blocks().size() + " block events read from " + topic + " at "
                        + bootstrap + " (" + log.records() + " records); n = " + n + " validators, quorum "
                        + ChainVerifier.quorum(n));
                ChainVerifier.Result result = new ChainVerifier(chain, trust, certs, n).verify(log.blocks());
                Report report = result.report();
                if (log.undecodable() > 0) {
                    report.fail("blocks topic", log.undecodable() + " records are not decodable CarbonX events");
                }
                if (!skipEvents && !result.headers().isEmpty()) {
                    new AnchoredEvents(reader).check(result.headers(), report);
                }
                JsonObject anchor = status == null ? null : status.component("chain-anchor");
                if (anchor != null) {
                    report.note("node", "the node reported height " + anchor.getLong("height", -1L)
                            + " just before the blocks were read (later blocks are not part of this check)");
                }
                report.lines().forEach(l -> out.println(l.render()));
                if (report.valid()) {
                    out.println("VALID: chain " + chain + " verified end to end up to height " + result.height() + " ("
                            + result.events() + " events anchored, head "
                            + result.headers().lastEntry().getValue().hash().hex() + ")");
                    return ExitCodes.OK;
                }
                out.println("INVALID: " + report.failures().size() + " check(s) failed");
                return ExitCodes.INVALID;
            }
        }

        private CertificateValidator trust(ValidatorCertificates certs, NodeClient node, PrintWriter out) {
            X509Certificate rootCert = root != null ? EvidenceCommand.readRoot(root)
                    : EvidenceCommand.nodeRoot(node, out);
            List<X509Certificate> issuing = new ArrayList<>();
            for (X509Certificate ca : certs.caCertificates()) {
                if (!ca.getSubjectX500Principal().equals(ca.getIssuerX500Principal())
                        && ca.getIssuerX500Principal().equals(rootCert.getSubjectX500Principal())) {
                    issuing.add(ca);
                }
            }
            if (issuing.isEmpty()) {
                String pem = node.get("/api/v1/ca", null).requireOk("reading the node's CA certificates").json()
                        .getString("issuingCertificatePem");
                issuing.add(parse(pem, node.baseUrl() + "/api/v1/ca"));
            }
            CertificateValidator v;
            try {
                v = CertificateValidator.create(rootCert, issuing);
            } catch (IllegalArgumentException e) {
                throw ClientException.of(ClientException.Kind.USAGE, "the issuing CA certificates do not chain to"
                        + " the root: " + e.getMessage());
            }
            if (crl != null) {
                try {
                    v.updateCrl(Pem.decodeSingle(Files.readString(crl, StandardCharsets.US_ASCII),
                            Set.of(Pem.X509_CRL)));
                } catch (IOException | IllegalArgumentException e) {
                    throw ClientException.of(ClientException.Kind.USAGE, "--crl " + crl + ": " + e.getMessage());
                }
            }
            return v;
        }

        private static int validatorCount(ValidatorCertificates certs) {
            Set<String> ids = new TreeSet<>();
            for (Map.Entry<String, Map<String, X509Certificate>> e : certs.participants().entrySet()) {
                for (X509Certificate c : e.getValue().values()) {
                    try {
                        if (ChainVerifier.VALIDATOR_ROLES.contains(ParticipantIdentity.of(c).role())) {
                            ids.add(e.getKey());
                        }
                    } catch (CertificateParsingException ignored) {
                        // not a participant certificate
                    }
                }
            }
            return ids.size();
        }

        private String chainId(NodeStatus status, List<BlockCommitted> blocks) {
            if (chainId != null) {
                return chainId;
            }
            JsonObject anchor = status == null ? null : status.component("chain-anchor");
            if (anchor != null && anchor.getString("chainId") != null) {
                return anchor.getString("chainId");
            }
            TreeSet<String> chains = new TreeSet<>();
            blocks.forEach(b -> chains.add(b.getHeader().getChainId()));
            if (chains.size() != 1) {
                throw ClientException.of(ClientException.Kind.USAGE, "the blocks topic holds chains " + chains
                        + "; choose one with --chain-id");
            }
            return chains.first();
        }

        private static X509Certificate parse(String pem, String source) {
            try {
                return Certificates.fromDer(Pem.decodeSingle(pem, Set.of(Pem.CERTIFICATE)));
            } catch (IOException | java.security.cert.CertificateException | RuntimeException e) {
                throw ClientException.of(ClientException.Kind.FAILURE, source + " holds no readable certificate: "
                        + e.getMessage());
            }
        }
    }
}
