package com.onboarding.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key (a name, an address, an IP) within a sliding time window, for throttles. Keys compare
 * case-insensitively. In memory, bounded: above {@code maxKeys} keys, keys without a recent event are forgotten;
 * a restart forgives.
 */
public class SlidingWindow {

    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();
    private final Duration window;
    private final int maxKeys;
    private final Clock clock;

    public SlidingWindow(Duration window, int maxKeys, Clock clock) {
        this.window = window;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** Events for this key within the window. */
    public int count(String key) {
        Deque<Instant> recent = events.get(normalise(key));
        if (recent == null) {
            return 0;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size();
        }
    }

    public void record(String key) {
        if (events.size() > maxKeys) {
            forgetStale();
        }
        Deque<Instant> recent = events.computeIfAbsent(normalise(key), k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
        }
    }

    /** Records an event unless the key already had {@code max} within the window; returns whether it did. */
    public boolean tryRecord(String key, int max) {
        Deque<Instant> recent = events.computeIfAbsent(normalise(key), k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            if (recent.size() >= max) {
                return false;
            }
            recent.addLast(clock.instant());
        }
        if (events.size() > maxKeys) {
            forgetStale();
        }
        return true;
    }

    /**
     * How long until the key may have an event again with at most {@code max} in the window (zero: now); for a
     * Retry-After answer.
     */
    public Duration retryAfter(String key, int max) {
        Deque<Instant> recent = events.get(normalise(key));
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            prune(recent);
            if (recent.size() < max) {
                return Duration.ZERO;
            }
            // The oldest events leave the window first; a slot frees when the (size - max + 1)-th oldest leaves.
            Instant freed = recent.stream().skip(recent.size() - max).findFirst().orElseThrow().plus(window);
            Duration wait = Duration.between(clock.instant(), freed);
            return wait.isNegative() ? Duration.ZERO : wait;
        }
    }

    public void forget(String key) {
        events.remove(normalise(key));
    }

    int rememberedKeys() {
        return events.size();
    }

    private void forgetStale() {
        events.values().removeIf(recent -> {
            synchronized (recent) {
                prune(recent);
                return recent.isEmpty();
            }
        });
    }

    private void prune(Deque<Instant> recent) {
        Instant limit = clock.instant().minus(window);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(limit)) {
            recent.removeFirst();
        }
    }

    private static String normalise(String key) {
        return key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
    }
}
