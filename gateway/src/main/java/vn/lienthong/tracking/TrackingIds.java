package vn.lienthong.tracking;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tracking ids: UUIDs whose first 48 bits are the time in milliseconds (the layout of UUID version 7, RFC 9562) and the
 * rest random. Ids of messages accepted close together sort together, so the database's indexes on them (the trail's
 * primary key and its events) grow at their end and keep their recent pages in memory, where random UUIDs would touch
 * a random page of the index for every message. They are not secrets: the API shows a client only its own messages.
 */
public final class TrackingIds {

    private TrackingIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long mostSignificant = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
