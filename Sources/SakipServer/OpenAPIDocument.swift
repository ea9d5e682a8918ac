/// The API's contract, served at `/openapi.yaml`. Tests check that every route is in it (and
/// nothing else), that every status the access table meets is documented, and `.ci/run` fuzzes
/// the service from it with schemathesis.
enum OpenAPIDocument {
    static let yaml = #"""
    openapi: 3.0.3
    info:
      title: sakip
      version: '1'
      description: 'SAKIP evaluations shared between partner regions: agencies submit their self-assessment, evaluators verify
        it, the office compares and publishes. Scores come from the same engine as the sakip command line.'
    security:
    - bearer: []
    - session: []
    paths:
      /health:
        get:
          summary: Whether the service answers.
          security: []
          responses:
            '200':
              description: Up.
              content:
                application/json:
                  schema:
                    type: object
                    required:
                    - status
                    properties:
                      status:
                        type: string
      /openapi.yaml:
        get:
          summary: This document.
          security: []
          responses:
            '200':
              description: The contract.
              content:
                application/yaml:
                  schema:
                    type: string
      /api/v1/session:
        post:
          summary: Sign in; sets the session cookie and returns its CSRF token.
          security: []
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  $ref: '#/components/schemas/SignIn'
          responses:
            '201':
              description: Signed in.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Identity'
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '429':
              $ref: '#/components/responses/Problem'
        get:
          summary: Who is signed in.
          responses:
            '200':
              description: The caller.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Identity'
            '401':
              $ref: '#/components/responses/Problem'
        delete:
          summary: Sign out (the session ends on the server).
          responses:
            '204':
              description: Signed out.
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
      /api/v1/session/password:
        put:
          summary: Change one's own password.
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required:
                  - old
                  - new
                  properties:
                    old:
                      type: string
                    new:
                      type: string
          responses:
            '204':
              description: Changed; other sessions end.
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '422':
              $ref: '#/components/responses/Problem'
      /api/v1/periods:
        get:
          summary: Every period.
          responses:
            '200':
              description: The periods.
              content:
                application/json:
                  schema:
                    type: object
                    required:
                    - periods
                    properties:
                      periods:
                        type: array
                        items:
                          $ref: '#/components/schemas/Period'
            '401':
              $ref: '#/components/responses/Problem'
        post:
          summary: Open a period for a year, scored with a rubric (office).
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required:
                  - year
                  - rubric
                  properties:
                    year:
                      type: integer
                    rubric:
                      type: string
          responses:
            '201':
              description: Created.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Period'
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '409':
              $ref: '#/components/responses/Problem'
            '422':
              $ref: '#/components/responses/Problem'
      /api/v1/periods/{year}/lock:
        post:
          summary: Lock, unlock or publish a period (office).
          parameters:
          - $ref: '#/components/parameters/year'
          responses:
            '200':
              description: The period now.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Period'
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
      /api/v1/periods/{year}/unlock:
        post:
          summary: Lock, unlock or publish a period (office).
          parameters:
          - $ref: '#/components/parameters/year'
          responses:
            '200':
              description: The period now.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Period'
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
      /api/v1/periods/{year}/publish:
        post:
          summary: Lock, unlock or publish a period (office).
          parameters:
          - $ref: '#/components/parameters/year'
          responses:
            '200':
              description: The period now.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Period'
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
      /api/v1/agencies:
        get:
          summary: The agencies the caller may see.
          responses:
            '200':
              description: The agencies.
              content:
                application/json:
                  schema:
                    type: object
                    required:
                    - agencies
                    properties:
                      agencies:
                        type: array
                        items:
                          $ref: '#/components/schemas/Agency'
            '401':
              $ref: '#/components/responses/Problem'
      /api/v1/agencies/{agency}:
        put:
          summary: Create an agency, or rename it or move it to another region (office).
          parameters:
          - $ref: '#/components/parameters/agency'
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required:
                  - name
                  - region
                  properties:
                    name:
                      type: string
                    region:
                      type: string
          responses:
            '200':
              description: Stored.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Agency'
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '422':
              $ref: '#/components/responses/Problem'
      /api/v1/users:
        get:
          summary: Every user (office).
          responses:
            '200':
              description: The users.
              content:
                application/json:
                  schema:
                    type: object
                    required:
                    - users
                    properties:
                      users:
                        type: array
                        items:
                          $ref: '#/components/schemas/User'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
        post:
          summary: Add a user (office).
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  $ref: '#/components/schemas/NewUser'
          responses:
            '201':
              description: Added.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/User'
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '409':
              $ref: '#/components/responses/Problem'
            '422':
              $ref: '#/components/responses/Problem'
      /api/v1/users/{username}/disable:
        post:
          summary: Disable or enable a user (office).
          parameters:
          - $ref: '#/components/parameters/username'
          responses:
            '204':
              description: Done.
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
            '422':
              $ref: '#/components/responses/Problem'
      /api/v1/users/{username}/enable:
        post:
          summary: Disable or enable a user (office).
          parameters:
          - $ref: '#/components/parameters/username'
          responses:
            '204':
              description: Done.
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
      /api/v1/users/{username}/password:
        post:
          summary: Set a user's password (office); ends its sessions.
          parameters:
          - $ref: '#/components/parameters/username'
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required:
                  - password
                  properties:
                    password:
                      type: string
          responses:
            '204':
              description: Set.
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
            '422':
              $ref: '#/components/responses/Problem'
      /api/v1/users/{username}/tokens:
        post:
          summary: A new API token for a user (office), shown once.
          parameters:
          - $ref: '#/components/parameters/username'
          responses:
            '201':
              description: The token.
              content:
                application/json:
                  schema:
                    type: object
                    required:
                    - token
                    properties:
                      token:
                        type: string
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
      /api/v1/periods/{year}/agencies/{agency}/answers:
        get:
          summary: Every answer of the agency, at every stage the caller may read.
          parameters:
          - $ref: '#/components/parameters/year'
          - $ref: '#/components/parameters/agency'
          responses:
            '200':
              description: The answers.
              content:
                application/json:
                  schema:
                    type: object
                    required:
                    - year
                    - agency
                    - rubric
                    - answers
                    properties:
                      year:
                        type: integer
                      agency:
                        type: string
                      rubric:
                        type: string
                      answers:
                        type: array
                        items:
                          $ref: '#/components/schemas/Answer'
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
      /api/v1/periods/{year}/agencies/{agency}/answers/{criterion}:
        put:
          summary: Save one answer at one stage, naming the version read (0 for a new answer).
          parameters:
          - $ref: '#/components/parameters/year'
          - $ref: '#/components/parameters/agency'
          - $ref: '#/components/parameters/criterion'
          - name: stage
            in: query
            required: true
            schema:
              $ref: '#/components/schemas/Stage'
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  $ref: '#/components/schemas/AnswerWrite'
          responses:
            '200':
              description: Saved; the answer's new version and the agency's new score.
              content:
                application/json:
                  schema:
                    type: object
                    required:
                    - answer
                    - score
                    properties:
                      answer:
                        $ref: '#/components/schemas/Answer'
                      score:
                        $ref: '#/components/schemas/ScoreResult'
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
            '409':
              description: The version read is stale; the answer as it now is.
              content:
                application/json:
                  schema:
                    type: object
                    required:
                    - error
                    properties:
                      error:
                        $ref: '#/components/schemas/ProblemBody'
                      current:
                        oneOf:
                        - $ref: '#/components/schemas/Answer'
                        nullable: true
            '422':
              $ref: '#/components/responses/Problem'
            '423':
              $ref: '#/components/responses/Problem'
      /api/v1/periods/{year}/agencies/{agency}/answers/{criterion}/history:
        get:
          summary: Every change to the criterion's answers, oldest first (append only).
          parameters:
          - $ref: '#/components/parameters/year'
          - $ref: '#/components/parameters/agency'
          - $ref: '#/components/parameters/criterion'
          responses:
            '200':
              description: The changes.
              content:
                application/json:
                  schema:
                    type: object
                    required:
                    - history
                    properties:
                      history:
                        type: array
                        items:
                          $ref: '#/components/schemas/Change'
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
      /api/v1/periods/{year}/agencies/{agency}/score:
        get:
          summary: The agency's score, as `sakip score --format json` gives it.
          parameters:
          - $ref: '#/components/parameters/year'
          - $ref: '#/components/parameters/agency'
          responses:
            '200':
              description: The score.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/ScoreResult'
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
            '422':
              $ref: '#/components/responses/Problem'
      /api/v1/periods/{year}/submissions:
        post:
          summary: Store every answer of one report file (XML, CSV or .xlsx), all or none.
          parameters:
          - $ref: '#/components/parameters/year'
          - name: X-Filename
            in: header
            required: false
            schema:
              type: string
            description: The file's name, cited by diagnostics.
          requestBody:
            required: true
            content:
              application/xml:
                schema:
                  type: string
                  format: binary
              text/csv:
                schema:
                  type: string
                  format: binary
              application/vnd.openxmlformats-officedocument.spreadsheetml.sheet:
                schema:
                  type: string
                  format: binary
              application/octet-stream:
                schema:
                  type: string
                  format: binary
          responses:
            '201':
              description: Stored; the file's scores and warnings.
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/ScoreResult'
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
            '413':
              $ref: '#/components/responses/Problem'
            '422':
              $ref: '#/components/responses/Problem'
            '423':
              $ref: '#/components/responses/Problem'
        get:
          summary: 'The uploads of a period: every one for the office, one''s own for anyone else.'
          parameters:
          - &id001
            $ref: '#/components/parameters/year'
          responses:
            '200':
              description: The uploads, newest first.
              content:
                application/json:
                  schema:
                    type: object
                    required:
                    - submissions
                    properties:
                      submissions:
                        type: array
                        items:
                          $ref: '#/components/schemas/Submission'
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
      /api/v1/periods/{year}/ranking:
        get:
          summary: The ranking of the agencies the caller sees (`sakip rank`), with movement since the year before.
          parameters:
          - $ref: '#/components/parameters/year'
          - $ref: '#/components/parameters/format'
          - name: stage
            in: query
            required: false
            schema:
              $ref: '#/components/schemas/Stage'
          - name: region
            in: query
            required: false
            schema:
              type: string
          responses:
            '200':
              description: The result, as the command line's JSON, CSV or workbook.
              content:
                application/json:
                  schema:
                    type: object
                text/csv:
                  schema:
                    type: string
                application/vnd.openxmlformats-officedocument.spreadsheetml.sheet:
                  schema:
                    type: string
                    format: binary
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
            '422':
              $ref: '#/components/responses/Problem'
      /api/v1/periods/{year}/gaps:
        get:
          summary: Self-assessment against the later stages (`sakip gaps`).
          parameters:
          - $ref: '#/components/parameters/year'
          - $ref: '#/components/parameters/format'
          responses:
            '200':
              description: The result, as the command line's JSON, CSV or workbook.
              content:
                application/json:
                  schema:
                    type: object
                text/csv:
                  schema:
                    type: string
                application/vnd.openxmlformats-officedocument.spreadsheetml.sheet:
                  schema:
                    type: string
                    format: binary
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
            '422':
              $ref: '#/components/responses/Problem'
      /api/v1/periods/{year}/report:
        get:
          summary: The HTML report of the period (`sakip report`), in the reader's language.
          parameters:
          - $ref: '#/components/parameters/year'
          - name: lang
            in: query
            required: false
            description: id or en; the signed-in user's language when not given.
            schema:
              type: string
              enum: [id, en]
          responses:
            '200':
              description: The report.
              content:
                text/html:
                  schema:
                    type: string
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
            '422':
              $ref: '#/components/responses/Problem'
      /api/v1/periods/{year}/compare:
        get:
          summary: The period's answers scored with a candidate rubric too (`sakip compare`).
          parameters:
          - $ref: '#/components/parameters/year'
          - $ref: '#/components/parameters/format'
          - name: candidate
            in: query
            required: true
            schema:
              type: string
          responses:
            '200':
              description: The result, as the command line's JSON, CSV or workbook.
              content:
                application/json:
                  schema:
                    type: object
                text/csv:
                  schema:
                    type: string
                application/vnd.openxmlformats-officedocument.spreadsheetml.sheet:
                  schema:
                    type: string
                    format: binary
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
            '422':
              $ref: '#/components/responses/Problem'
      /api/v1/periods/{year}/sensitivity:
        get:
          summary: How robust ranks and grades are to the weights (`sakip sensitivity`).
          parameters:
          - $ref: '#/components/parameters/year'
          - $ref: '#/components/parameters/format'
          - name: samples
            in: query
            required: false
            schema:
              type: integer
              minimum: 10
              maximum: 100000
          - name: seed
            in: query
            required: false
            schema:
              type: integer
              minimum: 0
          responses:
            '200':
              description: The result, as the command line's JSON, CSV or workbook.
              content:
                application/json:
                  schema:
                    type: object
                text/csv:
                  schema:
                    type: string
                application/vnd.openxmlformats-officedocument.spreadsheetml.sheet:
                  schema:
                    type: string
                    format: binary
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
            '422':
              $ref: '#/components/responses/Problem'
      /api/v1/periods/{year}/export/{file}:
        get:
          summary: The period's answers as the CSV files sakip reads (office and evaluators).
          parameters:
          - $ref: '#/components/parameters/year'
          - name: file
            in: path
            required: true
            schema:
              type: string
              enum:
              - agencies.csv
              - answers.csv
              - checklist.csv
          responses:
            '200':
              description: The file.
              content:
                text/csv:
                  schema:
                    type: string
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '403':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
      /api/v1/periods/{year}/submissions/{id}:
        get:
          summary: An upload's bytes as they came, as a download.
          parameters:
          - *id001
          - name: id
            in: path
            required: true
            schema:
              type: integer
          responses:
            '200':
              description: The file.
              content:
                application/octet-stream:
                  schema:
                    type: string
                    format: binary
            '400':
              $ref: '#/components/responses/Problem'
            '401':
              $ref: '#/components/responses/Problem'
            '404':
              $ref: '#/components/responses/Problem'
    components:
      securitySchemes:
        bearer:
          type: http
          scheme: bearer
        session:
          type: apiKey
          in: cookie
          name: sakip_session
      parameters:
        year:
          name: year
          in: path
          required: true
          schema:
            type: integer
        agency:
          name: agency
          in: path
          required: true
          schema:
            type: string
        criterion:
          name: criterion
          in: path
          required: true
          schema:
            type: string
        username:
          name: username
          in: path
          required: true
          schema:
            type: string
        format:
          name: format
          in: query
          required: false
          schema:
            type: string
            enum:
            - json
            - csv
            - xlsx
      responses:
        Problem:
          description: Refused; the code says why, the diagnostics where.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Problem'
      schemas:
        Problem:
          type: object
          required:
          - error
          properties:
            error:
              $ref: '#/components/schemas/ProblemBody'
        ProblemBody:
          type: object
          required:
          - code
          - message
          - diagnostics
          properties:
            code:
              type: string
            message:
              type: string
            diagnostics:
              type: array
              items:
                $ref: '#/components/schemas/Diagnostic'
        Diagnostic:
          type: object
          required:
          - file
          - line
          - column
          - severity
          - message
          - code
          properties:
            file:
              type: string
            line:
              type: integer
            column:
              type: integer
            cell:
              type: string
            severity:
              type: string
              enum:
              - error
              - warning
            message:
              type: string
            code:
              type: string
            notes:
              type: array
              items:
                type: object
        Stage:
          type: string
          enum:
          - self
          - verified
          - quality
          - final
        Role:
          type: string
          enum:
          - office
          - evaluator
          - agency
          - viewer
        SignIn:
          type: object
          required:
          - username
          - password
          properties:
            username:
              type: string
            password:
              type: string
        Identity:
          type: object
          required:
          - id
          - username
          - role
          - regions
          - language
          properties:
            id:
              type: integer
            username:
              type: string
            role:
              $ref: '#/components/schemas/Role'
            regions:
              type: array
              items:
                type: string
            agency:
              type: string
              nullable: true
            language:
              type: string
            csrf_token:
              type: string
              nullable: true
        User:
          type: object
          required:
          - id
          - username
          - role
          - regions
          - language
          - disabled
          - created_at
          properties:
            id:
              type: integer
            username:
              type: string
            role:
              $ref: '#/components/schemas/Role'
            regions:
              type: array
              items:
                type: string
            agency:
              type: string
              nullable: true
            language:
              type: string
            disabled:
              type: boolean
            created_at:
              type: string
        NewUser:
          type: object
          required:
          - username
          - role
          properties:
            username:
              type: string
            role:
              $ref: '#/components/schemas/Role'
            regions:
              type: array
              items:
                type: string
            agency:
              type: string
            password:
              type: string
            language:
              type: string
        Period:
          type: object
          required:
          - year
          - rubric
          - state
          - revision
          - created_at
          properties:
            year:
              type: integer
            rubric:
              type: string
            state:
              type: string
              enum:
              - open
              - locked
              - published
            revision:
              type: integer
            created_at:
              type: string
            published_at:
              type: string
              nullable: true
        Agency:
          type: object
          required:
          - id
          - name
          - region
          properties:
            id:
              type: string
            name:
              type: string
            region:
              type: string
        Answer:
          type: object
          required:
          - criterion
          - stage
          - value
          - version
          - updated_by
          - updated_at
          properties:
            criterion:
              type: string
            stage:
              $ref: '#/components/schemas/Stage'
            value:
              type: string
              description: A letter of the criterion's scale; for checklist criteria the flags that hold (met, mandated, kept_1_year,
                kept_5_years), comma-separated.
            note:
              type: string
              nullable: true
            evidence:
              type: string
              nullable: true
            version:
              type: integer
            updated_by:
              type: string
            updated_at:
              type: string
        AnswerWrite:
          type: object
          required:
          - value
          - version
          properties:
            value:
              type: string
            note:
              type: string
              nullable: true
            evidence:
              type: string
              nullable: true
            version:
              type: integer
              minimum: 0
        Change:
          type: object
          required:
          - id
          - stage
          - new
          - version
          - changed_by
          - changed_at
          properties:
            id:
              type: integer
            stage:
              $ref: '#/components/schemas/Stage'
            old:
              type: string
              nullable: true
            new:
              type: string
            note:
              type: string
              nullable: true
            evidence:
              type: string
              nullable: true
            version:
              type: integer
            changed_by:
              type: string
            changed_at:
              type: string
            submission:
              type: integer
              nullable: true
        ScoreResult:
          type: object
          required:
          - reports
          - warnings
          - errors
          properties:
            rubric:
              type: string
              nullable: true
            reports:
              type: array
              items:
                type: object
            warnings:
              type: array
              items:
                $ref: '#/components/schemas/Diagnostic'
            errors:
              type: array
              items:
                $ref: '#/components/schemas/Diagnostic'
        Submission:
          type: object
          required:
          - id
          - year
          - filename
          - content_type
          - size
          - sent_by
          - sent_at
          properties:
            id:
              type: integer
            year:
              type: integer
            filename:
              type: string
            content_type:
              type: string
            size:
              type: integer
            sent_by:
              type: string
            sent_at:
              type: string
    """#
}
