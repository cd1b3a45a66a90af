package dev.atrium.server.delivery;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
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
 * {@code starttls} (default true when a username is set). Timeouts are short so a dead mail
 * server fails the request instead of holding it.
 */
final class SmtpMailer {
    private static final String TIMEOUT_MS = "10000";

    private SmtpMailer() {}

    static void send(Map<String, Object> smtp, String to, String subject, String text) {
        Object host = smtp.get("host");
        Object from = smtp.get("from");
        if (!(host instanceof String) || !(from instanceof String)) {
            throw new AuthException(ErrorCode.BadRequest, "smtp settings need host and from");
        }
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", String.valueOf(smtp.getOrDefault("port", 587)));
        p.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
        p.put("mail.smtp.timeout", TIMEOUT_MS);
        p.put("mail.smtp.writetimeout", TIMEOUT_MS);
        Object user = smtp.get("username");
        boolean starttls = Boolean.parseBoolean(String.valueOf(smtp.getOrDefault("starttls", user != null)));
        p.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        p.put("mail.smtp.starttls.required", String.valueOf(starttls));
        p.put("mail.smtp.auth", String.valueOf(user != null));
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
            throw new AuthException(ErrorCode.DeliveryFailed, "could not send mail: " + e.getMessage());
        }
    }
}
