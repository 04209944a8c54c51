// s3rver ships no type declarations; the stand-in types the parts it uses where it imports them.
declare module 's3rver';
declare module 's3rver/lib/models/account.js';
