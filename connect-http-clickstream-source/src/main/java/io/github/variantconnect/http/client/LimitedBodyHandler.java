package io.github.variantconnect.http.client;

import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Reads a body into one byte array, aborting the exchange as soon as it passes the size limit. */
final class LimitedBodyHandler implements HttpResponse.BodyHandler<byte[]> {

  private final long limit;

  LimitedBodyHandler(long limit) {
    this.limit = limit;
  }

  @Override
  public BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
    return new Subscriber(limit, declared);
  }

  private static final class Subscriber implements BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final long limit;
    private final long declared;
    private Flow.Subscription subscription;
    private byte[] buffer;
    private int size;

    Subscriber(long limit, long declared) {
      this.limit = limit;
      this.declared = declared;
      this.buffer = new byte[(int) Math.min(limit, declared > 0 ? declared : 16 * 1024)];
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (declared > limit) {
        subscription.cancel();
        result.completeExceptionally(new ResponseTooLargeException(limit));
        return;
      }
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        int remaining = item.remaining();
        if ((long) size + remaining > limit) {
          subscription.cancel();
          result.completeExceptionally(new ResponseTooLargeException(limit));
          return;
        }
        if (size + remaining > buffer.length) {
          buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max((long) buffer.length * 2, size + remaining)));
        }
        item.get(buffer, size, remaining);
        size += remaining;
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
    }
  }
}
