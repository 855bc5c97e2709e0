package org.custodian.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs audit checkpoints with Ed25519 and verifies them with the public keys of every checkpoint key still in use
 * ({@code custodian.audit.checkpoints.signing-key}, {@code verify-keys}). The verify keys must include the signing
 * key's public half: checked when the keys are read.
 */
final class CheckpointKeys {

    private final String signingId;
    private final PrivateKey signingKey;
    private final Map<String, PublicKey> verifyKeys;

    private CheckpointKeys(String signingId, PrivateKey signingKey, Map<String, PublicKey> verifyKeys) {
        this.signingId = signingId;
        this.signingKey = signingKey;
        this.verifyKeys = verifyKeys;
    }

    static CheckpointKeys parse(String signingKey, String verifyKeys) {
        Map<String, byte[]> signing = AuditKeys.parseList(signingKey, "custodian.audit.checkpoints.signing-key");
        if (signing.size() != 1) {
            throw new IllegalStateException("custodian.audit.checkpoints.signing-key is one id:base64 key");
        }
        Map<String, PublicKey> publicKeys = new LinkedHashMap<>();
        try {
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            for (Map.Entry<String, byte[]> key : AuditKeys.parseList(
                            verifyKeys, "custodian.audit.checkpoints.verify-keys")
                    .entrySet()) {
                publicKeys.put(key.getKey(), ed25519.generatePublic(new X509EncodedKeySpec(key.getValue())));
            }
            String id = signing.keySet().iterator().next();
            CheckpointKeys keys = new CheckpointKeys(
                    id, ed25519.generatePrivate(new PKCS8EncodedKeySpec(signing.get(id))), Map.copyOf(publicKeys));
            AuditCheckpoint probe = keys.sign("probe", "000000", 1, AuditChain.GENESIS, Instant.EPOCH);
            if (!keys.verifies(probe)) {
                throw new IllegalStateException("custodian.audit.checkpoints.verify-keys has no key '" + id
                        + "' matching the signing key (add its public half)");
            }
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the audit checkpoint keys are not Ed25519 keys (PKCS#8 / X.509 DER, base64)", e);
        }
    }

    AuditCheckpoint sign(String service, String schoolUrn, long seq, String hash, Instant at) {
        AuditCheckpoint unsigned = new AuditCheckpoint(service, schoolUrn, seq, hash, at, signingId, null);
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(signingKey);
            signature.update(unsigned.signedText().getBytes(StandardCharsets.UTF_8));
            return new AuditCheckpoint(
                    service,
                    schoolUrn,
                    seq,
                    hash,
                    at,
                    signingId,
                    Base64.getEncoder().encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an audit checkpoint", e);
        }
    }

    /** True when the checkpoint is signed by one of the verify keys and unchanged since. */
    boolean verifies(AuditCheckpoint checkpoint) {
        PublicKey key = verifyKeys.get(checkpoint.keyId());
        if (key == null || checkpoint.signature() == null) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(checkpoint.signedText().getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
