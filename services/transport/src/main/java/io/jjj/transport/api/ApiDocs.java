package io.jjj.transport.api;

/** Texts shared by the OpenAPI annotations of this service. */
final class ApiDocs {

    static final String TAG = "transport";
    static final String AS_OF = "The network as it stood on this day: links opened on or before it and not yet closed. "
            + "Default: today";
    static final String MODES = "Comma-separated modes to travel by (hsr, intercity, rail, expressway, metro). Default: all";

    private ApiDocs() {
    }
}
