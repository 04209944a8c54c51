// JWT authorizer engine (OWNED BY the custom-JWT work — issue 3).
export {};
