package org.hebergos.dockerlink.health;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Optional;
import org.hebergos.dockerlink.config.Settings;
import org.hebergos.dockerlink.history.DamagedFile;
import org.hebergos.dockerlink.history.HistoryDatabase;
import org.hebergos.dockerlink.history.RoundStorage;
import org.hebergos.dockerlink.history.RoundStorage.StoredRound;
import org.hebergos.dockerlink.security.ApiToken;
import org.hebergos.dockerlink.security.Public;
import org.hebergos.dockerlink.stats.StatsSampler;

/**
 * {@code GET /health}, open to liveness probes: answers 200 while the agent runs and says whether the
 * Docker engine and the stats store work and whether sampling keeps up. Without the token it tells
 * nothing about containers, paths or sockets; with it, the reasons too. The engine's state is the last
 * one {@link EngineProbe} knows: no call here waits for the engine.
 */
@Path("health")
@RequestScoped
public class HealthResource {

    @Inject
    EngineProbe engine;
    @Inject
    StatsSampler sampler;
    @Inject
    RoundStorage storage;
    @Inject
    Settings settings;
    @Inject
    ApiToken token;
    @Inject
    HistoryDatabase history;

    @GET
    @Public
    @Produces(MediaType.APPLICATION_JSON)
    public Health health(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        boolean details = token.accepts(authorization);
        String dockerProblem = engine.problem().orElse(null);
        Optional<String> storeProblem = storage.problem();
        Instant now = Instant.now();
        Optional<String> lag = SamplingLag.at(now, settings.statsInterval(), storage, sampler.recentLoss(now));
        return new Health(lag.isPresent() ? "degraded" : "up", lag.orElse(null),
                dockerProblem == null ? "up" : "down", details ? dockerProblem : null,
                storeProblem.isPresent() ? "down" : "up", details ? storeProblem.orElse(null) : null,
                storage.lastStored().getEpochSecond(), storage.last().map(StatsRound::of).orElse(null),
                history.damage().map(details ? DamagedFile::details : DamagedFile::summary).orElse(null));
    }

    /**
     * @param agent         {@code up}, or {@code degraded} while sampling does not keep up
     * @param degradedReason why it is degraded, naming no path
     * @param dockerReason  why Docker is down; only for a caller with the token
     * @param storeReason   why the stats store refuses writes; only for a caller with the token
     * @param lastStored    unix second a sampling round last ended with everything stored
     * @param statsRound    the last stats sampling round, absent before the first
     * @param storeDamage   that the database file was unreadable and a new one started; where the
     *                      damaged file was kept only for a caller with the token
     */
    public record Health(String agent,
                         @JsonbProperty("degraded_reason") String degradedReason,
                         String docker,
                         @JsonbProperty("docker_reason") String dockerReason,
                         String store,
                         @JsonbProperty("store_reason") String storeReason,
                         @JsonbProperty("last_stored") long lastStored,
                         @JsonbProperty("stats_round") StatsRound statsRound,
                         @JsonbProperty("store_damage") String storeDamage) {
    }

    /**
     * What the last sampling round did.
     *
     * @param time           unix second the round started
     * @param containers     running containers found
     * @param sampled        readings taken this round
     * @param stored         samples the store accepted this round (earlier rounds held back included)
     * @param pending        samples held in memory because the store did not accept them yet
     * @param failures       containers whose reading failed or came too late
     * @param durationMillis wall time of the whole round
     * @param skippedRounds  rounds lost since startup: skipped because the previous one was still running, or
     *                       never started by the timer while a round ran longer than the interval
     * @param droppedSamples samples given up since startup because the store stayed unavailable too long
     * @param source         where the round's readings came from: {@code cgroup}, {@code engine} or
     *                       {@code mixed}; absent when nothing was read
     * @param engineFallbacks containers the cgroup source read through the Engine (their files unreadable)
     */
    public record StatsRound(long time,
                             int containers,
                             int sampled,
                             int stored,
                             int pending,
                             int failures,
                             @JsonbProperty("duration_ms") long durationMillis,
                             @JsonbProperty("skipped_rounds") long skippedRounds,
                             @JsonbProperty("dropped_samples") long droppedSamples,
                             String source,
                             @JsonbProperty("engine_fallbacks") int engineFallbacks) {

        static StatsRound of(StoredRound last) {
            return new StatsRound(last.round().time(), last.round().containers(), last.round().readings().size(), last.stored(),
                    last.pending(), last.round().failures(), last.durationMillis(), last.round().skippedRounds(), last.droppedSamples(),
                    last.round().source(), last.round().engineFallbacks());
        }
    }
}
