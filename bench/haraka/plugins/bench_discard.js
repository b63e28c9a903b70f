'use strict';
// Haraka as the peer of the SMTP benchmark: every recipient accepted, every message queued nowhere
// (discarded), and no reverse DNS lookup, as email-ingest does none either.

exports.hook_lookup_rdns = function (next) {
  next(OK, 'localhost');
};

exports.hook_rcpt = function (next) {
  next(OK);
};

exports.hook_queue = function (next) {
  next(OK);
};
