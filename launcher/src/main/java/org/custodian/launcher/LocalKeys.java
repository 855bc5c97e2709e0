package org.custodian.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local stack's dev keys in .run/keys, each made once and never committed (production keys come from
 * configuration): the dev issuer's RSA pair (token minting), the service-token RSA pair (sar-service signs with it),
 * the sharing secret key, the cursor HMAC key (and cursor.env for docker compose), the database roles' password, and
 * the audit keys (the chains' HMAC key, the Ed25519 checkpoint key) with audit.env as the services read them.
 */
final class LocalKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    final Path dir;
    final Path privateKey;
    final Path publicKey;
    final Path servicePrivateKey;
    final Path servicePublicKey;
    final Path sharingSecretKey;
    final Path cursorKey;
    final Path cursorEnv;
    final Path auditChainKey;
    final Path auditCheckpointKey;
    final Path auditEnv;
    final Path databaseRolesPassword;

    LocalKeys(Stack stack) {
        dir = stack.keyDir;
        privateKey = dir.resolve("private.pem");
        publicKey = dir.resolve("public.pem");
        servicePrivateKey = dir.resolve("service-private.pem");
        servicePublicKey = dir.resolve("service-public.pem");
        sharingSecretKey = dir.resolve("sharing-secret.key");
        cursorKey = dir.resolve("cursor.key");
        cursorEnv = dir.resolve("cursor.env");
        auditChainKey = dir.resolve("audit-chain.key");
        auditCheckpointKey = dir.resolve("audit-checkpoint.pem");
        auditEnv = dir.resolve("audit.env");
        databaseRolesPassword = dir.resolve("database-roles.password");
    }

    /** The key pairs, the sharing and cursor keys and cursor.env (keys.sh; up does it too). */
    void ensure() {
        ensureDir();
        if (!nonEmpty(sharingSecretKey)) {
            writeSecret(sharingSecretKey, base64(random(32)) + "\n");
        }
        if (!nonEmpty(cursorKey)) {
            writeSecret(cursorKey, base64(random(32)) + "\n");
        }
        writeSecret(cursorEnv, "CUSTODIAN_CURSOR_KEYS=" + read(cursorKey) + "\n");
        ensureRsaPair(privateKey, publicKey, "the dev issuer's");
        ensureRsaPair(servicePrivateKey, servicePublicKey, "the service-token dev");
    }

    /** The audit keys and audit.env (audit-keys.sh; up does it too). */
    void ensureAudit() {
        ensureDir();
        if (!nonEmpty(auditChainKey)) {
            writeSecret(auditChainKey, base64(random(32)) + "\n");
        }
        try {
            if (!nonEmpty(auditCheckpointKey)) {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                writeSecret(
                        auditCheckpointKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            byte[] signing = der(read(auditCheckpointKey));
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(signing));
            byte[] verify = publicOf(key);
            writeSecret(
                    auditEnv,
                    "CUSTODIAN_AUDIT_CHAIN_KEYS=local:" + read(auditChainKey) + "\n"
                            + "CUSTODIAN_AUDIT_CHECKPOINTS_SIGNING_KEY=local:" + base64(signing) + "\n"
                            + "CUSTODIAN_AUDIT_CHECKPOINTS_VERIFY_KEYS=local:" + base64(verify) + "\n");
        } catch (GeneralSecurityException e) {
            throw new Failure("could not make the audit checkpoint key: " + e.getMessage());
        }
    }

    /** audit.env's variables, in order. */
    Map<String, String> auditVariables() {
        ensureAudit();
        Map<String, String> variables = new LinkedHashMap<>();
        String text;
        try {
            text = Files.readString(auditEnv, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                variables.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return variables;
    }

    /** The one password of every local database role (made once). */
    String databaseRolesPassword() {
        ensureDir();
        if (!nonEmpty(databaseRolesPassword)) {
            writeSecret(databaseRolesPassword, HexFormat.of().formatHex(random(16)) + "\n");
        }
        return read(databaseRolesPassword);
    }

    /** The dev issuer's signing key (PKCS#8 PEM), which only token minting uses. */
    PrivateKey signingKey() {
        if (!nonEmpty(privateKey)) {
            throw new Failure(
                    "no dev key at " + privateKey + " yet: run deploy/local/up.sh (or deploy/local/keys.sh) first");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(read(privateKey))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Failure(privateKey + " is not a PKCS#8 PEM RSA private key");
        }
    }

    /** The file's text without line breaks. */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII)
                    .replace("\n", "")
                    .replace("\r", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensureRsaPair(Path privatePem, Path publicPem, String what) {
        if (nonEmpty(privatePem) && nonEmpty(publicPem)) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            writeSecret(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Launcher.say("made " + what + " key pair in " + dir + " (never commit it)");
        } catch (GeneralSecurityException | IOException e) {
            throw new Failure("could not make a key pair: " + e.getMessage());
        }
    }

    /** The X.509 (SPKI) encoding of an Ed25519 private key's public key. */
    private static byte[] publicOf(PrivateKey key) throws GeneralSecurityException {
        // the PKCS#8 form (OpenSSL's or the JDK's) holds only the 32-byte seed: the JDK's generator, given that seed as
        // its randomness, makes the same pair again
        byte[] pkcs8 = key.getEncoded();
        byte[] seed = java.util.Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(255, new FixedRandom(seed));
        return generator.generateKeyPair().getPublic().getEncoded();
    }

    /** Hands out the given bytes: how a key pair is rebuilt from its Ed25519 seed. */
    private static final class FixedRandom extends SecureRandom {
        private final byte[] bytes;

        FixedRandom(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            System.arraycopy(bytes, 0, out, 0, Math.min(out.length, bytes.length));
        }
    }

    private void ensureDir() {
        try {
            Files.createDirectories(dir);
            setPermissions(dir, "rwx------");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeSecret(Path file, String text) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file);
            setPermissions(file, "rw-------");
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setPermissions(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own protection applies
        }
    }

    private static boolean nonEmpty(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] random(int bytes) {
        byte[] out = new byte[bytes];
        RANDOM.nextBytes(out);
        return out;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}
