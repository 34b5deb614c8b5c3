/* trivial_responder.c -- the ceiling for bench/http: a libfcgi responder that answers one fixed page. */
/*
 * Usage: trivial_responder SOCKET_PATH [THREADS]
 *
 * Opens a unix socket, runs THREADS (default 4) threads each looping on FCGX_Accept_r without a mutex
 * (see docs: a mutex around accept stalls every thread behind one slow client), and answers every
 * request with Status 200, a Content-Type and a small fixed HTML page. It reads and discards any
 * request body. SIGTERM or SIGINT ends the process (the bench script removes the socket).
 *
 * Built by bench/http with: cc -O2 -o trivial_responder trivial_responder.c -lfcgi -lpthread
 * With -DCLOSE_AT_ONCE it closes each connection as authgate does once a request's input was read
 * to its end (FCGX_Detach before FCGX_Finish_r, no lingering close): bench/http's reference row.
 */
#include <fcgiapp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static const char page[] =
    "Status: 200 OK\r\n"
    "Content-Type: text/html; charset=utf-8\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "Cache-Control: no-store\r\n"
    "\r\n"
    "<!DOCTYPE html>\n"
    "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>trivial</title></head>\n"
    "<body><h1>Hello</h1><p>A fixed page from the trivial responder.</p></body></html>\n";

static int listen_fd;

static void *worker(void *unused) {
    FCGX_Request request;
    char discard[4096];
    (void)unused;
    if (FCGX_InitRequest(&request, listen_fd, 0) != 0) return NULL;
    while (FCGX_Accept_r(&request) >= 0) {
        while (FCGX_GetStr(discard, sizeof discard, request.in) > 0) {
        }
        FCGX_PutStr(page, (int)(sizeof page - 1), request.out);
#ifdef CLOSE_AT_ONCE
        if (!request.keepConnection && FCGX_HasSeenEOF(request.in) == EOF && FCGX_GetError(request.in) == 0)
            FCGX_Detach(&request);
#endif
        FCGX_Finish_r(&request);
    }
    return NULL;
}

int main(int argc, char **argv) {
    int threads = 4;
    int i;
    pthread_t *ids;
    if (argc < 2) {
        fprintf(stderr, "usage: %s SOCKET_PATH [THREADS]\n", argv[0]);
        return 2;
    }
    if (argc > 2) threads = atoi(argv[2]);
    if (threads < 1 || threads > 256) {
        fprintf(stderr, "%s: THREADS must be 1 to 256\n", argv[0]);
        return 2;
    }
    if (FCGX_Init() != 0) return 1;
    umask(0077);
    listen_fd = FCGX_OpenSocket(argv[1], 128);
    if (listen_fd < 0) {
        fprintf(stderr, "%s: cannot listen on %s\n", argv[0], argv[1]);
        return 1;
    }
    ids = calloc((size_t)threads, sizeof *ids);
    if (!ids) return 1;
    for (i = 0; i < threads; ++i) pthread_create(&ids[i], NULL, worker, NULL);
    for (i = 0; i < threads; ++i) pthread_join(ids[i], NULL);
    free(ids);
    return 0;
}
