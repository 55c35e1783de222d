package com.onboarding.support;

import java.util.List;

/**
 * What a started service runs on in the tests of what users run: a PostgreSQL database of its own (created here,
 * dropped on close) and an SMTP sink on loopback that accepts mail; and the node started on them, stopped on close.
 */
public final class ServiceBed implements AutoCloseable {

    public final Postgres db;
    public final SmtpSink mail;
    private AppNode node;

    private ServiceBed(Postgres db, SmtpSink mail) {
        this.db = db;
        this.mail = mail;
    }

    public static ServiceBed open() throws Exception {
        Postgres db = new Postgres().create();
        try {
            SmtpSink mail = new SmtpSink();
            mail.accept();
            return new ServiceBed(db, mail);
        } catch (Exception e) {
            db.drop();
            throw e;
        }
    }

    /** Starts a node on this database and mail sink and waits until it is ready; it is the one stopped on close. */
    public AppNode start(String name, Artifact artifact, List<String> settings) throws Exception {
        node = AppNode.start(name, artifact, db.url, mail.port, settings);
        return node;
    }

    @Override
    public void close() throws Exception {
        try {
            if (node != null) {
                node.stop();
            }
            mail.stop();
        } finally {
            db.drop();
        }
    }
}
