/*
 * Reference for `sakip rank` over CSV: a memchr-based RFC 4180 reader of the answers file.
 * Finds each record's agency, year, criterion and value columns, skips the others (quoted
 * fields with embedded commas, quotes and newlines included), and computes each report's total
 * with the rubric table written by run.sh. Prints "agency,year,total" per report.
 *
 *   csv_reference RUBRIC_TABLE ANSWERS_CSV
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CRITERIA 256
#define MAX_SUBS 64
#define MAX_REPORTS 200000

static struct { char id[32]; int len; int sub; } criteria[MAX_CRITERIA];
static int ncriteria, nsubs, nletters;
static double sub_weight[MAX_SUBS], full;
static int sub_component[MAX_SUBS], sub_count[MAX_SUBS];
static struct { char letter[8]; int len; double value; } letters[16];

typedef struct { const char *agency; int agency_len; int year; double raw[MAX_SUBS]; } Report;
static Report *reports;
static int nreports;

static void load_rubric(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); exit(2); }
    char kind[4];
    while (fscanf(f, "%3s", kind) == 1) {
        if (kind[0] == 'F') { if (fscanf(f, "%lf", &full) != 1) exit(2); }
        else if (kind[0] == 'L') { if (fscanf(f, "%7s %lf", letters[nletters].letter, &letters[nletters].value) != 2) exit(2); letters[nletters].len = (int)strlen(letters[nletters].letter); nletters++; }
        else if (kind[0] == 'S') { if (fscanf(f, "%d %lf %d", &sub_count[nsubs], &sub_weight[nsubs], &sub_component[nsubs]) != 3) exit(2); nsubs++; }
        else if (kind[0] == 'C') { if (fscanf(f, "%31s %d", criteria[ncriteria].id, &criteria[ncriteria].sub) != 2) exit(2); criteria[ncriteria].len = (int)strlen(criteria[ncriteria].id); ncriteria++; }
        else exit(2);
    }
    fclose(f);
}

/* Returns a pointer past the field (at the comma, newline or end), setting its content range. */
static const char *field(const char *p, const char *end, const char **start, const char **stop) {
    if (p < end && *p == '"') {
        const char *q = p + 1;
        for (;;) {
            q = memchr(q, '"', (size_t)(end - q));
            if (!q) { fprintf(stderr, "unterminated quote\n"); exit(1); }
            if (q + 1 < end && q[1] == '"') { q += 2; continue; }
            break;
        }
        *start = p + 1; *stop = q;
        return q + 1;
    }
    const char *q = p;
    while (q < end && *q != ',' && *q != '\n' && *q != '\r') q++;
    *start = p; *stop = q;
    return q;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: csv_reference RUBRIC_TABLE ANSWERS_CSV\n"); return 2; }
    load_rubric(argv[1]);
    FILE *f = fopen(argv[2], "rb");
    if (!f) { perror(argv[2]); return 2; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc((size_t)size);
    if (fread(data, 1, (size_t)size, f) != (size_t)size) return 2;
    fclose(f);
    const char *p = data, *end = data + size;
    if (size >= 3 && (unsigned char)p[0] == 0xEF) p += 3;
    p = memchr(p, '\n', (size_t)(end - p)) + 1;  /* header: agency,year,criterion,value,... */
    reports = calloc(MAX_REPORTS, sizeof(Report));
    int cursor = -1;
    while (p < end) {
        if (*p == '\n' || *p == '\r') { p++; continue; }
        const char *s[4], *e[4], *a, *b;
        for (int i = 0; i < 4; i++) { p = field(p, end, &s[i], &e[i]); if (p < end && *p == ',') p++; }
        /* Skip the remaining fields of the record. */
        while (p < end && *p != '\n' && *p != '\r') { p = field(p, end, &a, &b); if (p < end && *p == ',') p++; }
        if (p < end && *p == '\r') p++;
        if (p < end && *p == '\n') p++;
        int alen = (int)(e[0] - s[0]);
        int year = atoi(s[1]);
        Report *r = nreports ? &reports[nreports - 1] : NULL;
        if (!r || r->agency_len != alen || r->year != year || memcmp(r->agency, s[0], (size_t)alen) != 0) {
            r = &reports[nreports++];
            r->agency = s[0]; r->agency_len = alen; r->year = year;
            cursor = -1;
        }
        int clen = (int)(e[2] - s[2]), c = -1, guess = cursor + 1;
        if (guess < ncriteria && criteria[guess].len == clen && memcmp(criteria[guess].id, s[2], (size_t)clen) == 0) c = guess;
        else for (int i = 0; i < ncriteria; i++) if (criteria[i].len == clen && memcmp(criteria[i].id, s[2], (size_t)clen) == 0) { c = i; break; }
        if (c < 0) continue;
        cursor = c;
        int vlen = (int)(e[3] - s[3]);
        for (int l = 0; l < nletters; l++)
            if (letters[l].len == vlen && memcmp(letters[l].letter, s[3], (size_t)vlen) == 0) { r->raw[criteria[c].sub] += letters[l].value; break; }
    }
    for (int i = 0; i < nreports; i++) {
        Report *r = &reports[i];
        double total = 0, component = 0;
        int current = 0;
        for (int k = 0; k < nsubs; k++) {
            if (sub_component[k] != current) { total += component; component = 0; current = sub_component[k]; }
            component += r->raw[k] * sub_weight[k] / ((double)sub_count[k] * full);
        }
        total += component;
        printf("%.*s,%d,%.17g\n", r->agency_len, r->agency, r->year, total);
    }
    return 0;
}
