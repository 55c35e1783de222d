package com.onboarding.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** The pooled Argon2id reads and writes the same hashes as Spring Security's, and reuses its working memory. */
class PooledArgon2Test {

    private final PooledArgon2 pooled = new PooledArgon2(2);
    private final Argon2PasswordEncoder spring = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    @Test
    void hashesOfEitherEncoderMatchInTheOther() {
        String ours = pooled.encode("Tulip-Field-7!");
        String theirs = spring.encode("Tulip-Field-7!");

        assertThat(ours).startsWith("$argon2id$v=19$m=16384,t=2,p=1$");
        assertThat(spring.matches("Tulip-Field-7!", ours)).isTrue();
        assertThat(pooled.matches("Tulip-Field-7!", theirs)).isTrue();
        assertThat(pooled.matches("Tulip-Field-7?", theirs)).isFalse();
        assertThat(pooled.matches("Tulip-Field-7?", ours)).isFalse();
        assertThat(pooled.encode("Tulip-Field-7!")).as("a new salt each time").isNotEqualTo(ours);
    }

    @Test
    void whatIsNotAnArgon2idHashMatchesNothing() {
        String hash = pooled.encode("Tulip-Field-7!");
        String[] notHashes = {null, "", "Tulip-Field-7!", "{argon2}" + hash, hash.replace("argon2id", "argon2i"),
            hash.replace("m=16384,", ""), hash.replace("t=2", "t=x"), hash.substring(0, hash.lastIndexOf('$')),
            hash + "$more", hash.substring(0, hash.lastIndexOf('$') + 1) + "%%%"};
        for (String notHash : notHashes) {
            assertThat(pooled.matches("Tulip-Field-7!", notHash)).as(notHash).isFalse();
        }
    }

    @Test
    void weakerHashesAreMadeAgain_currentOnesAreNot() {
        Argon2PasswordEncoder weaker = new Argon2PasswordEncoder(16, 32, 1, 4096, 2);

        assertThat(pooled.upgradeEncoding(weaker.encode("Tulip-Field-7!"))).isTrue();
        assertThat(pooled.upgradeEncoding(pooled.encode("Tulip-Field-7!"))).isFalse();
        assertThat(pooled.upgradeEncoding(spring.encode("Tulip-Field-7!"))).isFalse();
    }

    @Test
    void aHashAfterTheFirstAllocatesNotItsSixteenMebibytesAgain() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        pooled.encode("Tulip-Field-7!");

        long before = threads.getThreadAllocatedBytes(thread);
        pooled.encode("Tulip-Field-7!");
        long pooledBytes = threads.getThreadAllocatedBytes(thread) - before;
        before = threads.getThreadAllocatedBytes(thread);
        spring.encode("Tulip-Field-7!");
        long unpooledBytes = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(unpooledBytes).as("Spring's encoder, for comparison").isGreaterThan(16L << 20);
        assertThat(pooledBytes).isLessThan(1L << 20);
    }
}
