package com.onboarding.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An in-process SMTP server (GreenMail) for the default profile and the tests: mails are captured in memory
 * and listed on /dev/mails, so `mvn spring-boot:run` needs no mail server. Off in production profiles.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "onboarding.dev-smtp.enabled", havingValue = "true")
class DevSmtpServer {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail greenMail(@Value("${spring.mail.port}") int port) {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }
}
