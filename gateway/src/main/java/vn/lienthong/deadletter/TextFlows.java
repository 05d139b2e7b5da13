package vn.lienthong.deadletter;

import java.util.Set;

import jakarta.jms.ConnectionFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lienthong.audit.AuditTrail;
import vn.lienthong.contract.MessageKind;
import vn.lienthong.order.HeldMessageStore;
import vn.lienthong.tracking.TrackingStore;

/** The dead letters of the flows whose messages are text: each with its kinds, its dead-letter and delivery queues. */
@Configuration(proxyBeanMethods = false)
public class TextFlows {

    /** The dossiers and their progress on their way up to the national portal. */
    @Bean
    TextDeadLetters dossierDeadLetters(ConnectionFactory connectionFactory, TrackingStore tracking,
                                       HeldMessageStore held, AuditTrail audit,
                                       @Value("${lienthong.queues.dossier-dead-letter}") String deadLetterQueue,
                                       @Value("${lienthong.queues.dossier-to-portal}") String deliveryQueue) {
        return new TextDeadLetters("dossier", Set.of(MessageKind.DOSSIER.name(), MessageKind.PROGRESS.name()),
                connectionFactory, tracking, held, audit, deadLetterQueue, deliveryQueue);
    }

    /** The national portal's dossiers and the citizens' later actions on their way down to the one-stop systems. */
    @Bean
    TextDeadLetters nationalDeadLetters(ConnectionFactory connectionFactory, TrackingStore tracking,
                                        HeldMessageStore held, AuditTrail audit,
                                        @Value("${lienthong.queues.national-dead-letter}") String deadLetterQueue,
                                        @Value("${lienthong.queues.national-to-motcua}") String deliveryQueue) {
        return new TextDeadLetters("national", Set.of(MessageKind.NATIONAL_DOSSIER.name(),
                MessageKind.NATIONAL_EVENT.name()), connectionFactory, tracking, held, audit, deadLetterQueue,
                deliveryQueue);
    }
}
