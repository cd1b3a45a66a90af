package dev.atrium.server.delivery;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.server.outbound.Outbound;
import dev.atrium.server.outbound.OutboundException;
import dev.atrium.server.outbound.OutboundSockets;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.Properties;

/**
 * Sends plain-text mail with Jakarta Mail (Eclipse Angus). Settings per app: {@code host},
 * {@code port} (default 587), {@code from}, optional {@code username}/{@code password},
 * {@code starttls} (default true when a username is set). The session's sockets come from
 * {@link Outbound#smtpSockets()}: one deadline for the whole session (connect, greeting, TLS, the
 * message), a cap on what the server says, and the destination policy; a dead or silent mail
 * server fails the request instead of holding it.
 */
final class SmtpMailer {
    private final Outbound outbound;

    SmtpMailer(Outbound outbound) {
        this.outbound = outbound;
    }

    void send(Map<String, Object> smtp, String to, String subject, String text) {
        Object host = smtp.get("host");
        Object from = smtp.get("from");
        if (!(host instanceof String) || !(from instanceof String)) {
            throw new AuthException(ErrorCode.BadRequest, "smtp settings need host and from");
        }
        try (OutboundSockets sockets = outbound.smtpSockets()) {
            Properties p = properties(smtp, (String) host, sockets);
            Object user = smtp.get("username");
            try {
                MimeMessage m = new MimeMessage(Session.getInstance(p));
                m.setFrom(new InternetAddress((String) from));
                m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
                m.setSubject(subject, "UTF-8");
                m.setText(text, "UTF-8");
                if (user != null) {
                    Transport.send(m, String.valueOf(user), String.valueOf(smtp.getOrDefault("password", "")));
                } else {
                    Transport.send(m);
                }
            } catch (MessagingException e) {
                throw new AuthException(ErrorCode.DeliveryFailed, "could not send mail via " + host + ": " + why(e, sockets));
            }
        }
    }

    /** The deadline's or the outbound limit's reason when one ended the session, else Jakarta Mail's. */
    private String why(MessagingException e, OutboundSockets sockets) {
        if (sockets.expired()) {
            return "DEADLINE: no complete SMTP session within " + outbound.deadline().toMillis() + " ms";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutboundException limit) {
                return limit.failure() + ": " + limit.getMessage();
            }
        }
        return String.valueOf(e.getMessage());
    }

    private Properties properties(Map<String, Object> smtp, String host, OutboundSockets sockets) {
        String timeout = String.valueOf(outbound.deadline().toMillis());
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", String.valueOf(smtp.getOrDefault("port", 587)));
        p.put("mail.smtp.socketFactory", sockets);
        // Never retry with a plain socket when ours refuses: that would skip every limit.
        p.put("mail.smtp.socketFactory.fallback", "false");
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        Object user = smtp.get("username");
        boolean starttls = Boolean.parseBoolean(String.valueOf(smtp.getOrDefault("starttls", user != null)));
        p.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        p.put("mail.smtp.starttls.required", String.valueOf(starttls));
        p.put("mail.smtp.auth", String.valueOf(user != null));
        return p;
    }
}
