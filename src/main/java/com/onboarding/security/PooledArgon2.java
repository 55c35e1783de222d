package com.onboarding.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id exactly as Spring Security's {@code Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()} computes and
 * writes it (16 MiB, two passes, one lane; {@code $argon2id$v=19$m=16384,t=2,p=1$<salt>$<hash>}), so that either
 * reads the other's hashes, with one difference: each hash's 16 MiB of working memory comes from a pool and goes
 * back to it. Allocated anew for every hash, that memory was alive at every young collection during the hash, was
 * pushed into the old generation and left it only by full collections: a burst of registrations made the serial
 * collector stop the application for about 200 ms every second (benchmark GC log). Bouncy Castle's block pool
 * keeps the blocks of as many hashes as may run at once (PasswordHashing lets no more run).
 */
final class PooledArgon2 implements PasswordEncoder {

    private static final int MEMORY_KIB = 1 << 14;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final String PREFIX = "$argon2id$v=19$";

    private final SecureRandom random = new SecureRandom();
    private final Argon2BytesGenerator.BlockPool pool;

    /** A pool for this many hashes at once (one block per KiB of memory). */
    PooledArgon2(int hashesAtOnce) {
        this.pool = new Argon2BytesGenerator.FixedBlockPool(hashesAtOnce * MEMORY_KIB);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Stored current = new Stored(MEMORY_KIB, ITERATIONS, PARALLELISM, salt, new byte[HASH_BYTES]);
        return current.withHash(hash(rawPassword, current)).encoded();
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        Stored stored = Stored.parse(encodedPassword);
        return stored != null && rawPassword != null
                && MessageDigest.isEqual(stored.hash(), hash(rawPassword, stored));
    }

    /** Hashes made with less memory, fewer passes or fewer lanes are made again at the next sign-in. */
    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        Stored stored = Stored.parse(encodedPassword);
        return stored != null
                && (stored.memory() < MEMORY_KIB || stored.iterations() < ITERATIONS || stored.parallelism() < PARALLELISM);
    }

    private byte[] hash(CharSequence rawPassword, Stored like) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(like.salt()).withMemoryAsKB(like.memory())
                .withIterations(like.iterations()).withParallelism(like.parallelism()).withBlockPool(pool).build());
        byte[] hash = new byte[like.hash().length];
        generator.generateBytes(rawPassword.toString().toCharArray(), hash);
        return hash;
    }

    /** The parts of a stored hash, written and read in the PHC format. */
    private record Stored(int memory, int iterations, int parallelism, byte[] salt, byte[] hash) {

        Stored withHash(byte[] computed) {
            return new Stored(memory, iterations, parallelism, salt, computed);
        }

        String encoded() {
            Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
            return PREFIX + "m=" + memory + ",t=" + iterations + ",p=" + parallelism + "$" + base64.encodeToString(salt)
                    + "$" + base64.encodeToString(hash);
        }

        /** Null for anything that is not an Argon2id v19 hash in the PHC format. */
        static Stored parse(String encoded) {
            if (encoded == null || !encoded.startsWith(PREFIX)) {
                return null;
            }
            String[] parts = encoded.substring(PREFIX.length()).split("\\$");
            String[] costs = parts[0].split(",");
            if (parts.length != 3 || costs.length != 3 || !costs[0].startsWith("m=") || !costs[1].startsWith("t=")
                    || !costs[2].startsWith("p=")) {
                return null;
            }
            try {
                Stored stored = new Stored(Integer.parseInt(costs[0].substring(2)), Integer.parseInt(costs[1].substring(2)),
                        Integer.parseInt(costs[2].substring(2)), Base64.getDecoder().decode(parts[1]),
                        Base64.getDecoder().decode(parts[2]));
                return stored.hash().length >= 4 && stored.memory() > 0 && stored.iterations() > 0
                        && stored.parallelism() > 0 ? stored : null;
            } catch (IllegalArgumentException notAHash) {
                return null;
            }
        }
    }
}
