package io.jjj.testkit;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;

/**
 * A RestAssured filter that signs each request as it is sent, for its own method and path, the way the gateway signs
 * the calls it forwards: {@code given().filter(signed)…}.
 */
public final class SignedRequests implements Filter {

    /** Makes the header value for one call. */
    @FunctionalInterface
    public interface Signer {
        String sign(String method, String path);
    }

    private final String header;
    private final Signer signer;

    private SignedRequests(String header, Signer signer) {
        this.header = header;
        this.signer = signer;
    }

    public static SignedRequests header(String header, Signer signer) {
        return new SignedRequests(header, signer);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        request.replaceHeader(header, signer.sign(request.getMethod(), URI.create(request.getURI()).getRawPath()));
        return context.next(request, response);
    }
}
