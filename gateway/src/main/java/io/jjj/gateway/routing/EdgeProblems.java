package io.jjj.gateway.routing;

import io.jjj.platform.problem.Problem;
import io.jjj.platform.problem.ProblemResponses;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/** Problem documents answered by the gateway's HTTP layer itself, before any resource or service. */
final class EdgeProblems {

    private EdgeProblems() {
    }

    static void send(RoutingContext ctx, int status, String slug, String title, String detail) {
        send(ctx, status, slug, title, detail, Map.of(), null);
    }

    static void send(RoutingContext ctx, int status, String slug, String title, String detail,
                     Map<String, String> headers, Map<String, Object> extensions) {
        HttpServerResponse response = ctx.response();
        resume(ctx.request());
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        Problem problem = new Problem(Problem.TYPE_BASE + slug, title, status, detail, ctx.request().path(), null, extensions);
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        response.headers().remove("Content-Length");
        headers.forEach(response::putHeader);
        response.end(ProblemResponses.toJson(problem));
    }

    /** Lets a request's remaining body flow (to be discarded); a request read to its end needs nothing. */
    static void resume(HttpServerRequest request) {
        if (!request.isEnded()) {
            request.resume();
        }
    }

    static void pause(HttpServerRequest request) {
        if (!request.isEnded()) {
            request.pause();
        }
    }
}
