package com.onboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The items of one process step (rows of a file, selected users), several at once, each on a thread of its own:
 * there each item has its own transaction and its own engine command. Inside the step's command the engine would
 * fold every item into the step's one transaction, and one refusal would undo the rest.
 */
public final class ParallelItems implements AutoCloseable {

    private final ExecutorService pool;

    public ParallelItems(String threadName, int threads) {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, threadName + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Does the work for every item and returns when each is done. A fault the work lets through (the database gone
     * for a moment) is thrown after the others are done: the process step fails, its job retries, and the items
     * still waiting wait for it.
     */
    public <T> void each(List<T> items, Consumer<T> work) {
        List<Future<?>> running = new ArrayList<>();
        for (T item : items) {
            running.add(pool.submit(() -> work.accept(item)));
        }
        RuntimeException passing = null;
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                passing = e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while working on the step's items", e);
            }
        }
        if (passing != null) {
            throw passing;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
