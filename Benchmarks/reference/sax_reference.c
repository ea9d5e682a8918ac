/*
 * Reference for `sakip rank` over XML: the practical limit of a conforming parser.
 * Parses each report with libxml2's SAX2 interface (same options as sakip: no network, no
 * entity substitution, no recovery), extracts agency, year and every answer, and computes each
 * report's total with the rubric table written by run.sh. Prints "agency,year,total" per report.
 *
 *   sax_reference RUBRIC_TABLE FILE_LIST [THREADS]
 *
 * With THREADS above 1, that many threads parse the files (one parser context each, taking the
 * next file from a shared counter) and the lines are printed in file order at the end: what a
 * program doing nothing but libxml2's parse reaches on this machine's cores.
 */
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CRITERIA 256
#define MAX_SUBS 64
#define LINE 192

static struct { char id[32]; int sub; } criteria[MAX_CRITERIA];
static int ncriteria;
static double sub_weight[MAX_SUBS];
static int sub_component[MAX_SUBS], sub_count[MAX_SUBS], nsubs, ncomponents;
static struct { char letter[8]; double value; } letters[16];
static int nletters;
static double full;

typedef struct {
    char agency[128];
    char year[8];
    double raw[MAX_SUBS];
    int in_report;
    int cursor;
    char *line; /* where the report's line goes when threaded; printed at once otherwise */
} State;

static int criterion_index(const xmlChar *id, int len, int *cursor) {
    /* Answers come in rubric order: try the next criterion first. */
    int guess = *cursor + 1;
    if (guess < ncriteria && (int)strlen(criteria[guess].id) == len && memcmp(criteria[guess].id, id, len) == 0) return *cursor = guess;
    for (int i = 0; i < ncriteria; i++)
        if ((int)strlen(criteria[i].id) == len && memcmp(criteria[i].id, id, len) == 0) return *cursor = i;
    return -1;
}

static void start(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri, int nns,
                  const xmlChar **ns, int nattr, int ndef, const xmlChar **attrs) {
    State *s = ctx;
    (void)prefix; (void)uri; (void)nns; (void)ns; (void)ndef;
    if (strcmp((const char *)name, "report") == 0) {
        memset(s->raw, 0, sizeof s->raw);
        s->cursor = -1;
        for (int i = 0; i < nattr; i++) {
            const xmlChar **a = attrs + 5 * i;
            int len = (int)(a[4] - a[3]);
            if (strcmp((const char *)a[0], "agency") == 0 && len < 127) { memcpy(s->agency, a[3], len); s->agency[len] = 0; }
            if (strcmp((const char *)a[0], "year") == 0 && len < 7) { memcpy(s->year, a[3], len); s->year[len] = 0; }
        }
        s->in_report = 1;
    } else if (strcmp((const char *)name, "answer") == 0) {
        const xmlChar *id = NULL, *value = NULL;
        int idlen = 0, valuelen = 0;
        for (int i = 0; i < nattr; i++) {
            const xmlChar **a = attrs + 5 * i;
            if (strcmp((const char *)a[0], "criterion") == 0) { id = a[3]; idlen = (int)(a[4] - a[3]); }
            else if (strcmp((const char *)a[0], "value") == 0) { value = a[3]; valuelen = (int)(a[4] - a[3]); }
        }
        if (!id || !value) return;
        int c = criterion_index(id, idlen, &s->cursor);
        if (c < 0) return;
        for (int l = 0; l < nletters; l++)
            if ((int)strlen(letters[l].letter) == valuelen && memcmp(letters[l].letter, value, valuelen) == 0) {
                s->raw[criteria[c].sub] += letters[l].value;
                break;
            }
    }
}

static void end(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri) {
    State *s = ctx;
    (void)prefix; (void)uri;
    if (strcmp((const char *)name, "report") == 0 && s->in_report) {
        /* Same arithmetic as sakip: raw x weight / (count x full), summed per component. */
        double total = 0, component = 0;
        int current = 0;
        for (int i = 0; i < nsubs; i++) {
            if (sub_component[i] != current) { total += component; component = 0; current = sub_component[i]; }
            component += s->raw[i] * sub_weight[i] / ((double)sub_count[i] * full);
        }
        total += component;
        if (s->line) snprintf(s->line, LINE, "%s,%s,%.17g\n", s->agency, s->year, total);
        else printf("%s,%s,%.17g\n", s->agency, s->year, total);
        s->in_report = 0;
    }
}

static void load_rubric(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); exit(2); }
    char kind[4], a[64];
    double x;
    int n;
    while (fscanf(f, "%3s", kind) == 1) {
        if (kind[0] == 'F') { if (fscanf(f, "%lf", &full) != 1) exit(2); }
        else if (kind[0] == 'L') { if (fscanf(f, "%7s %lf", letters[nletters].letter, &letters[nletters].value) != 2) exit(2); nletters++; }
        else if (kind[0] == 'S') {
            if (fscanf(f, "%d %lf %d", &n, &x, &sub_component[nsubs]) != 3) exit(2);
            sub_weight[nsubs] = x; sub_count[nsubs] = n;
            if (sub_component[nsubs] + 1 > ncomponents) ncomponents = sub_component[nsubs] + 1;
            nsubs++;
        } else if (kind[0] == 'C') {
            if (fscanf(f, "%31s %d", criteria[ncriteria].id, &criteria[ncriteria].sub) != 2) exit(2);
            ncriteria++;
        } else { fprintf(stderr, "bad rubric table line %s\n", kind); exit(2); }
        (void)a;
    }
    fclose(f);
}

/* The threaded form: every path read first, each thread parsing the next file not taken. */
static char **paths;
static char *lines;
static int npaths, next_path;
static xmlSAXHandler threaded_sax;

static void *parse_files(void *unused) {
    (void)unused;
    char *buffer = malloc(1 << 24);
    State *state = malloc(sizeof *state);
    for (int i; (i = __atomic_fetch_add(&next_path, 1, __ATOMIC_RELAXED)) < npaths;) {
        FILE *f = fopen(paths[i], "rb");
        if (!f) { perror(paths[i]); exit(1); }
        size_t n = fread(buffer, 1, 1 << 24, f);
        fclose(f);
        memset(state, 0, sizeof *state);
        state->line = lines + (size_t)i * LINE;
        xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(buffer, (int)n);
        memcpy(ctxt->sax, &threaded_sax, sizeof threaded_sax);
        ctxt->userData = state;
        xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA);
        if (xmlParseDocument(ctxt) != 0 || !ctxt->wellFormed) { fprintf(stderr, "%s: not well-formed\n", paths[i]); exit(1); }
        xmlFreeParserCtxt(ctxt);
    }
    free(state);
    free(buffer);
    return NULL;
}

static int run_threaded(FILE *list, int threads) {
    char path[4096];
    int capacity = 1024;
    paths = malloc(capacity * sizeof *paths);
    while (fgets(path, sizeof path, list)) {
        path[strcspn(path, "\n")] = 0;
        if (npaths == capacity) paths = realloc(paths, (capacity *= 2) * sizeof *paths);
        paths[npaths++] = strdup(path);
    }
    lines = calloc((size_t)npaths, LINE);
    memset(&threaded_sax, 0, sizeof threaded_sax);
    threaded_sax.initialized = XML_SAX2_MAGIC;
    threaded_sax.startElementNs = start;
    threaded_sax.endElementNs = end;
    pthread_t workers[64];
    for (int t = 0; t < threads; t++) pthread_create(&workers[t], NULL, parse_files, NULL);
    for (int t = 0; t < threads; t++) pthread_join(workers[t], NULL);
    for (int i = 0; i < npaths; i++) fputs(lines + (size_t)i * LINE, stdout);
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 3 && argc != 4) { fprintf(stderr, "usage: sax_reference RUBRIC_TABLE FILE_LIST [THREADS]\n"); return 2; }
    int threads = argc == 4 ? atoi(argv[3]) : 1;
    if (threads < 1 || threads > 64) { fprintf(stderr, "THREADS: 1 to 64\n"); return 2; }
    load_rubric(argv[1]);
    xmlInitParser();
    FILE *list = fopen(argv[2], "r");
    if (!list) { perror(argv[2]); return 2; }
    if (threads > 1) return run_threaded(list, threads);
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = start;
    sax.endElementNs = end;
    char path[4096];
    static char buffer[1 << 24];
    State state;
    while (fgets(path, sizeof path, list)) {
        path[strcspn(path, "\n")] = 0;
        FILE *f = fopen(path, "rb");
        if (!f) { perror(path); return 1; }
        size_t n = fread(buffer, 1, sizeof buffer, f);
        fclose(f);
        memset(&state, 0, sizeof state);
        xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(buffer, (int)n);
        memcpy(ctxt->sax, &sax, sizeof sax);
        ctxt->userData = &state;
        xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA);
        if (xmlParseDocument(ctxt) != 0 || !ctxt->wellFormed) { fprintf(stderr, "%s: not well-formed\n", path); return 1; }
        xmlFreeParserCtxt(ctxt);
    }
    fclose(list);
    return 0;
}
