package org.hebergos.dockerlink.stats;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Stands in for CDI's event in unit tests of the sampler: keeps the rounds it fires. */
final class RecordedRounds implements Event<SamplingRound> {

    final List<SamplingRound> fired = new ArrayList<>();
    /** What an observer throws, when set. */
    RuntimeException observerFailure;

    @Override
    public void fire(SamplingRound round) {
        fired.add(round);
        if (observerFailure != null) {
            throw observerFailure;
        }
    }

    @Override
    public <U extends SamplingRound> CompletionStage<U> fireAsync(U round) {
        fire(round);
        return CompletableFuture.completedFuture(round);
    }

    @Override
    public <U extends SamplingRound> CompletionStage<U> fireAsync(U round, NotificationOptions options) {
        return fireAsync(round);
    }

    @Override
    public Event<SamplingRound> select(Annotation... qualifiers) {
        return this;
    }

    @Override
    public <U extends SamplingRound> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends SamplingRound> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }
}
