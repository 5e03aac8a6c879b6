package org.hebergos.dockerlink.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import org.hebergos.dockerlink.docker.ContainerCatalogue;
import org.hebergos.dockerlink.docker.ContainerNotFound;

/**
 * Answers a container's history: raw samples as the store reads them, or buckets folded from
 * raw samples where they are kept and from half-hour summaries before that (and wherever a bucket is a
 * whole number of half hours already summarized, which is much less to read).
 */
@ApplicationScoped
public class HistoryService {

    @Inject
    HistoryStore store;
    @Inject
    ContainerCatalogue docker;
    private final ReadSlots requests = new ReadSlots();

    /**
     * @param container a container as the request names it: full id, unique id prefix or name, checked already
     * @param isFullId  whether it is a full id, which stored history answers even after the container is gone
     * @throws ContainerNotFound when Docker does not know the container and no history is stored for it
     * @throws StoreUnavailable when the store cannot be read
     */
    public StreamingOutput history(String container, boolean isFullId, HistoryQuery query) {
        String id = fullId(container, isFullId);
        return out -> {
            // read whole before sending: the connection is free again before a slow client gets a byte
            try (AnswerSpool spool = new AnswerSpool()) {
                HistoryJson json = new HistoryJson(spool, query.peaks());
                requests.run(() -> store.read(id, snapshot -> answer(snapshot, query, json)));
                json.end();
                spool.sendTo(out);
            }
        };
    }

    static void answer(HistorySnapshot snapshot, HistoryQuery query, HistoryJson json) throws SQLException, IOException {
        if (query.instant()) {
            Optional<Point> newest = snapshot.newest();
            if (newest.isPresent() && newest.get().time() >= query.from() && newest.get().time() < query.until()) {
                json.point(newest.get());
            }
            return;
        }
        if (query.step() == 0) {
            snapshot.points(query.from(), query.until(), json::point);
            return;
        }
        Buckets buckets = new Buckets(query.step(), json::bucket);
        long summaries = query.from() - Math.floorMod(query.from(), SummaryCodec.SPAN);
        long raw;
        if (query.step() % SummaryCodec.SPAN == 0) {
            // whole summaries: they stand for their samples exactly
            raw = Math.max(query.from(), Math.min(snapshot.summarizedUntil(), query.until()));
        } else {
            long rawStart = snapshot.rawStart();
            raw = rawStart == Long.MAX_VALUE ? query.until() : Math.max(query.from(), rawStart - Math.floorMod(rawStart, HistoryKeys.HOUR));
        }
        if (raw > query.from()) {
            // summaries only before the samples: the first one, starting before from, would count twice
            snapshot.summaries(summaries, Math.min(raw, query.until()), query.step() % SummaryCodec.DAY == 0, buckets::add);
        }
        snapshot.points(raw, query.until(), buckets::add);
        buckets.end();
    }

    /** A full id with stored history is answered even after the container is gone; anything else asks Docker. */
    private String fullId(String container, boolean isFullId) {
        if (isFullId && requests.run(() -> store.known(container))) {
            return container;
        }
        store.check();
        return docker.inspect(container).id();
    }
}
