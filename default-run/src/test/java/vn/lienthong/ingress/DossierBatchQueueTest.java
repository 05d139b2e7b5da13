package vn.lienthong.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.support.Dossiers;
import vn.lienthong.support.GatewayApi;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;
import vn.lienthong.tracking.NewMessage;
import vn.lienthong.tracking.TrackingIds;
import vn.lienthong.tracking.TrackingStore;

/** An array's dossiers are stored by the broker all together or not at all. */
class DossierBatchQueueTest extends GatewayTest {

    @Autowired
    private DossierBatchQueue queue;
    @Autowired
    private TrackingStore tracking;
    @Autowired
    private CamelContext camel;

    @Test
    void whenTheSecondDossierCannotBeQueuedTheFirstIsNotQueuedEither() {
        String first = Dossiers.newMaHoSo();
        Acceptance.Item item = trackedItem(first);
        Exchange exchange = new DefaultExchange(camel);
        // the broker takes the first message, then the second one fails (as a broker going down would)
        exchange.setProperty(Property.ACCEPTED_ITEMS, new AbstractList<Acceptance.Item>() {
            @Override
            public Acceptance.Item get(int index) {
                if (index == 1) {
                    throw new IllegalStateException("the broker went away");
                }
                return item;
            }

            @Override
            public int size() {
                return 2;
            }
        });

        assertThatThrownBy(() -> queue.send(exchange)).hasMessage("the broker went away");

        // a dossier queued after it is delivered; the first one never reaches the portal
        String later = Dossiers.newMaHoSo();
        String laterId = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(later)).json()
                .path("trackingId").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.state(GatewayApi.DVCQG_CLIENT_KEY, laterId).equals("DELIVERED"));
        assertThat(portal.dossier(first)).isNull();
        assertThat(api.state(GatewayApi.DVCQG_CLIENT_KEY, item.registration().trackingId())).isEqualTo("RECEIVED");
    }

    /** A dossier with its trail, ready for the queue as the acceptance prepares it. */
    private Acceptance.Item trackedItem(String maHoSo) {
        String trackingId = TrackingIds.next();
        TrackingStore.Registration registration = tracking.register(new NewMessage(trackingId, "demo-dvcqg",
                "DOSSIER", maHoSo, Dossiers.UNIT, null));
        Map<String, Object> headers = new HashMap<>();
        headers.put(Header.KIND, "DOSSIER");
        headers.put(Header.MA_HO_SO, maHoSo);
        headers.put(Header.UNIT_CODE, Dossiers.UNIT);
        headers.put(Header.TRACKING_ID, trackingId);
        headers.put(Header.CLIENT_ID, "demo-dvcqg");
        headers.put(Header.GROUP_ID, maHoSo);
        headers.put(Header.SEQUENCE, registration.sequence());
        headers.put(Header.RELAYED, "true");
        return new Acceptance.Item(registration, new String(Http.bytes(Dossiers.dvcqg(maHoSo)), StandardCharsets.UTF_8), headers);
    }
}
