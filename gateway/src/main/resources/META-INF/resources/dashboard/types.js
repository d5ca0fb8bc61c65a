// The API's shapes the page reads, as JSDoc types (checked against the types generated from /openapi.json).
export {};
