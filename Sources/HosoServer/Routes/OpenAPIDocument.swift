/// The OpenAPI 3.1 document served at `/openapi.json` (DESIGN §5): every route, parameter,
/// response and error shape. Written by hand; `HosoServerTests` checks real responses against it.
enum OpenAPIDocument {
    /// The document as UTF-8 bytes.
    static let bytes: [UInt8] = Array(text.utf8)

    /// The document as text.
    static let text = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "hoso",
    "version": "1.0.0",
    "description": "Search and lookup over the national database of cadres, civil servants and public employees (DESIGN §5). Every /v1 route needs `Authorization: Bearer <key>`; what a key sees depends on its role and access level (0 public, 1 internal, 2 restricted, 3 secret). Errors are `{\"error\":{\"code\",\"message\",\"parameter\"?}}`."
  },
  "servers": [
    {
      "url": "http://127.0.0.1:8080"
    }
  ],
  "tags": [
    {
      "name": "people"
    },
    {
      "name": "audit"
    },
    {
      "name": "quality"
    },
    {
      "name": "sync"
    },
    {
      "name": "operations"
    },
    {
      "name": "web"
    }
  ],
  "paths": {
    "/v1/search": {
      "get": {
        "operationId": "search",
        "summary": "Search people",
        "description": "Fielded parameters are ANDed; `q` searches name, hometown, position and agency together. Records above the key's level are filtered out before totals, cursors and sorting; a parameter on a field above the key's level is a 403 naming it. Unknown parameters are a 400. Audited.",
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": false,
            "description": "Free text over name, hometown, position and agency: every word must match somewhere.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 256
            }
          },
          {
            "name": "name",
            "in": "query",
            "required": false,
            "description": "Full name in any order; middle names may be left out; with or without accents, Telex, legacy encodings.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 256
            },
            "example": "Nguyễn Văn An"
          },
          {
            "name": "hometown",
            "in": "query",
            "required": false,
            "description": "Commune, district or province, by its name on the 2025 map, the pre-2025 map or older names (level 1).",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 256
            }
          },
          {
            "name": "position",
            "in": "query",
            "required": false,
            "description": "Position (chức vụ), matched as a phrase from the start of the title.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 256
            }
          },
          {
            "name": "agency",
            "in": "query",
            "required": false,
            "description": "Employing agency.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 256
            }
          },
          {
            "name": "grade",
            "in": "query",
            "required": false,
            "description": "Grade (ngạch) code such as 01.003, or its exact name.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 256
            }
          },
          {
            "name": "national_id",
            "in": "query",
            "required": false,
            "description": "12-digit national id (CCCD), exact; officer and admin keys only (level 2).",
            "schema": {
              "type": "string",
              "pattern": "^[0-9]{12}$"
            }
          },
          {
            "name": "born",
            "in": "query",
            "required": false,
            "description": "Birth year (1985) or an inclusive range (1980-1989).",
            "schema": {
              "type": "string",
              "pattern": "^(19|20)[0-9]{2}(-(19|20)[0-9]{2})?$"
            }
          },
          {
            "name": "gender",
            "in": "query",
            "required": false,
            "description": "Nam or Nữ.",
            "schema": {
              "type": "string",
              "enum": [
                "Nam",
                "Nữ"
              ]
            }
          },
          {
            "name": "status",
            "in": "query",
            "required": false,
            "description": "Employment status.",
            "schema": {
              "type": "string",
              "enum": [
                "active",
                "retired",
                "transferred_out",
                "deceased"
              ]
            }
          },
          {
            "name": "prefix",
            "in": "query",
            "required": false,
            "description": "1: the last name word is a prefix being typed (as-you-type).",
            "schema": {
              "type": "string",
              "enum": [
                "0",
                "1"
              ]
            }
          },
          {
            "name": "fuzzy",
            "in": "query",
            "required": false,
            "description": "1: allow one edit on the folded syllables of longer words.",
            "schema": {
              "type": "string",
              "enum": [
                "0",
                "1"
              ]
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "Hits per page.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 20
            }
          },
          {
            "name": "cursor",
            "in": "query",
            "required": false,
            "description": "`next_cursor` from the previous page, unchanged; bound to the key that received it.",
            "schema": {
              "type": "string",
              "minLength": 1
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Hits, best tier first, with the exact total.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SearchResult"
                }
              }
            }
          },
          "400": {
            "description": "A parameter is malformed, out of range, repeated or unknown; `error.parameter` names it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "No bearer key, or an unknown, malformed or revoked one.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "The key's role or level does not allow this; `error.parameter` names the query parameter when one is at fault.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "413": {
            "description": "The query string (over 4 KiB) or the body is larger than the server accepts.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "429": {
            "description": "Over the key's request rate or daily quota.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            },
            "headers": {
              "Retry-After": {
                "description": "Seconds until the key may try again.",
                "schema": {
                  "type": "integer",
                  "minimum": 1
                }
              }
            }
          },
          "500": {
            "description": "An unexpected failure; the body names nothing internal.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "503": {
            "description": "The index is still loading (see /readyz); never partial results.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "security": [
          {
            "bearerKey": []
          }
        ],
        "tags": [
          "people"
        ]
      }
    },
    "/v1/people/{id}": {
      "get": {
        "operationId": "person",
        "summary": "One person's record",
        "description": "The fields the key may see. A hidden record and an unknown id give the same 404. A self key may read only its own id. Takes no query parameters. Audited.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "Dossier id: 1–64 of A–Z a–z 0–9 . _ -",
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "example": "HS0000000001"
          }
        ],
        "responses": {
          "200": {
            "description": "The record.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Person"
                }
              }
            }
          },
          "400": {
            "description": "A parameter is malformed, out of range, repeated or unknown; `error.parameter` names it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "No bearer key, or an unknown, malformed or revoked one.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "The key's role or level does not allow this; `error.parameter` names the query parameter when one is at fault.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such record — or one the key may not see: both give this same body.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "413": {
            "description": "The query string (over 4 KiB) or the body is larger than the server accepts.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "429": {
            "description": "Over the key's request rate or daily quota.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            },
            "headers": {
              "Retry-After": {
                "description": "Seconds until the key may try again.",
                "schema": {
                  "type": "integer",
                  "minimum": 1
                }
              }
            }
          },
          "500": {
            "description": "An unexpected failure; the body names nothing internal.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "security": [
          {
            "bearerKey": []
          }
        ],
        "tags": [
          "people"
        ]
      }
    },
    "/v1/people/{id}/history": {
      "get": {
        "operationId": "history",
        "summary": "Work history as a timeline",
        "description": "Posts ordered by start; a post at another agency than the one before is a transfer. Each agency also has its name today (`agency_now`) after the 2025 mergers of ministries and provinces, and when and why it changed. Needs level 1 (recruiters and above). Takes no query parameters. Audited.",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "Dossier id: 1–64 of A–Z a–z 0–9 . _ -",
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "example": "HS0000000001"
          }
        ],
        "responses": {
          "200": {
            "description": "The timeline.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/History"
                }
              }
            }
          },
          "400": {
            "description": "A parameter is malformed, out of range, repeated or unknown; `error.parameter` names it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "No bearer key, or an unknown, malformed or revoked one.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "The key's role or level does not allow this; `error.parameter` names the query parameter when one is at fault.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such record — or one the key may not see: both give this same body.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "413": {
            "description": "The query string (over 4 KiB) or the body is larger than the server accepts.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "429": {
            "description": "Over the key's request rate or daily quota.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            },
            "headers": {
              "Retry-After": {
                "description": "Seconds until the key may try again.",
                "schema": {
                  "type": "integer",
                  "minimum": 1
                }
              }
            }
          },
          "500": {
            "description": "An unexpected failure; the body names nothing internal.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "security": [
          {
            "bearerKey": []
          }
        ],
        "tags": [
          "people"
        ]
      }
    },
    "/v1/me": {
      "get": {
        "operationId": "me",
        "summary": "The caller's own record (self keys)",
        "description": "The whole record a self key is bound to. Other roles get a 403. Takes no query parameters. Audited.",
        "parameters": [],
        "responses": {
          "200": {
            "description": "The own record.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Person"
                }
              }
            }
          },
          "400": {
            "description": "A parameter is malformed, out of range, repeated or unknown; `error.parameter` names it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "No bearer key, or an unknown, malformed or revoked one.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "The key's role or level does not allow this; `error.parameter` names the query parameter when one is at fault.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "No such record — or one the key may not see: both give this same body.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "413": {
            "description": "The query string (over 4 KiB) or the body is larger than the server accepts.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "429": {
            "description": "Over the key's request rate or daily quota.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            },
            "headers": {
              "Retry-After": {
                "description": "Seconds until the key may try again.",
                "schema": {
                  "type": "integer",
                  "minimum": 1
                }
              }
            }
          },
          "500": {
            "description": "An unexpected failure; the body names nothing internal.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "security": [
          {
            "bearerKey": []
          }
        ],
        "tags": [
          "people"
        ]
      }
    },
    "/v1/sync": {
      "post": {
        "operationId": "sync",
        "summary": "Send record changes (agency and admin keys)",
        "description": "NDJSON body, one operation per line: `{\"op\":\"upsert\",\"record\":{…}}` (the record as in DESIGN §2, validated and repaired as `hoso ingest` does) or `{\"op\":\"delete\",\"id\":\"…\",\"version\":N}`. At most 10,000 lines and 16 MiB. Idempotent by (id, version): a version not above the stored one is `stale`. An agency key may only send records whose `source` is its agency code, and only replace or delete records stored with that source; other lines are `rejected` with the reason. Bad lines never stop good ones. All applied lines are committed in one durable LMDB transaction, and the response is sent only once they are searchable. Audited.",
        "parameters": [],
        "requestBody": {
          "required": true,
          "description": "NDJSON: one sync operation per line; blank lines are skipped but counted for line numbers.",
          "content": {
            "application/x-ndjson": {
              "schema": {
                "type": "string"
              },
              "example": "{\"op\":\"upsert\",\"record\":{\"id\":\"HS0000000001\",\"full_name\":\"Nguyễn Văn An\",\"source\":\"G10\",\"version\":4}}\n{\"op\":\"delete\",\"id\":\"HS0000000007\",\"version\":2}\n"
            }
          }
        },
        "responses": {
          "200": {
            "description": "Per-line results (applied, stale or rejected with a reason), counts, and the change-log sequence after the batch.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SyncResult"
                }
              }
            }
          },
          "400": {
            "description": "A query parameter was given (this route takes none).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "No bearer key, or an unknown, malformed or revoked one.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "The key is neither an agency key nor an admin key.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "413": {
            "description": "The body is over 16 MiB or 10,000 lines (or the query string over 4 KiB); nothing was applied.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "429": {
            "description": "Over the key's request rate or daily quota.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            },
            "headers": {
              "Retry-After": {
                "description": "Seconds until the key may try again.",
                "schema": {
                  "type": "integer",
                  "minimum": 1
                }
              }
            }
          },
          "500": {
            "description": "An unexpected failure; the body names nothing internal. If the store failed, nothing of the batch was applied; resending it is safe.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "503": {
            "description": "The index is still loading; retry shortly. Nothing was applied.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "security": [
          {
            "bearerKey": []
          }
        ],
        "tags": [
          "sync"
        ]
      }
    },
    "/v1/changes": {
      "get": {
        "operationId": "changes",
        "summary": "Follow the change log (agency and admin keys)",
        "description": "Applied changes after `since`, oldest first, for replicas and agencies. An agency key sees only changes of records whose `source` is its agency code (for a delete, the deleted record's). Pass `next_since` back as `since` to go on; an empty page means nothing newer yet. Audited.",
        "parameters": [
          {
            "name": "since",
            "in": "query",
            "required": false,
            "description": "The last change sequence number already seen; 0 (the default) for the start.",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "default": 0
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "Changes to return.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000,
              "default": 100
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Changes in sequence order and where to continue.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Changes"
                }
              }
            }
          },
          "400": {
            "description": "A parameter is malformed, out of range, repeated or unknown; `error.parameter` names it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "No bearer key, or an unknown, malformed or revoked one.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "The key is neither an agency key nor an admin key.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "413": {
            "description": "The query string (over 4 KiB) is larger than the server accepts.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "429": {
            "description": "Over the key's request rate or daily quota.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            },
            "headers": {
              "Retry-After": {
                "description": "Seconds until the key may try again.",
                "schema": {
                  "type": "integer",
                  "minimum": 1
                }
              }
            }
          },
          "500": {
            "description": "An unexpected failure; the body names nothing internal.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "security": [
          {
            "bearerKey": []
          }
        ],
        "tags": [
          "sync"
        ]
      }
    },
    "/v1/audit": {
      "get": {
        "operationId": "audit",
        "summary": "Read the audit log (admin keys)",
        "description": "Who looked up a person (`subject`) or what a key asked and was shown (`caller`), newest first. Exactly one of the two.",
        "parameters": [
          {
            "name": "subject",
            "in": "query",
            "required": false,
            "description": "A record id.",
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9._-]{1,64}$"
            },
            "example": "HS0000000001"
          },
          {
            "name": "caller",
            "in": "query",
            "required": false,
            "description": "A key id (k_…).",
            "schema": {
              "type": "string",
              "pattern": "^k_[A-Za-z0-9._-]{1,62}$"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "Entries to return.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000,
              "default": 100
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Entries, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AuditLog"
                }
              }
            }
          },
          "400": {
            "description": "A parameter is malformed, out of range, repeated or unknown; `error.parameter` names it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "No bearer key, or an unknown, malformed or revoked one.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "The key's role or level does not allow this; `error.parameter` names the query parameter when one is at fault.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "413": {
            "description": "The query string (over 4 KiB) or the body is larger than the server accepts.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "429": {
            "description": "Over the key's request rate or daily quota.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            },
            "headers": {
              "Retry-After": {
                "description": "Seconds until the key may try again.",
                "schema": {
                  "type": "integer",
                  "minimum": 1
                }
              }
            }
          },
          "500": {
            "description": "An unexpected failure; the body names nothing internal.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "security": [
          {
            "bearerKey": []
          }
        ],
        "tags": [
          "audit"
        ]
      }
    },
    "/v1/quality": {
      "get": {
        "operationId": "quality",
        "summary": "Data-quality report (admin keys)",
        "description": "Đúng, đủ, sạch, sống per source agency and overall, from one pass over every record: valid (national id layout against the birth-registration province, the century-and-gender digit and the birth year; plausible dates), complete (required fields present), clean (duplicate national ids; probable duplicate persons: same folded name, birth date and hometown), current (updated within 12 months; status consistent with the work history). For each, how many records pass and fail, and per problem a count and example ids. Takes seconds on millions of records. Audited.",
        "parameters": [
          {
            "name": "examples",
            "in": "query",
            "required": false,
            "description": "Example ids per problem and agency.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 5
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The report.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/QualityReport"
                }
              }
            }
          },
          "400": {
            "description": "A parameter is malformed, out of range, repeated or unknown; `error.parameter` names it.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "401": {
            "description": "No bearer key, or an unknown, malformed or revoked one.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "The key's role or level does not allow this; `error.parameter` names the query parameter when one is at fault.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "413": {
            "description": "The query string (over 4 KiB) or the body is larger than the server accepts.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "429": {
            "description": "Over the key's request rate or daily quota.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            },
            "headers": {
              "Retry-After": {
                "description": "Seconds until the key may try again.",
                "schema": {
                  "type": "integer",
                  "minimum": 1
                }
              }
            }
          },
          "500": {
            "description": "An unexpected failure; the body names nothing internal.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        },
        "security": [
          {
            "bearerKey": []
          }
        ],
        "tags": [
          "quality"
        ]
      }
    },
    "/": {
      "get": {
        "operationId": "webPage",
        "summary": "Web interface",
        "description": "The page for people (Vietnamese): search as you type, person cards, work history, the own record for self keys, the audit trail for admins. Needs no key: it asks for one and keeps it only for the browser session. Served from the binary with a strict Content-Security-Policy (scripts, styles and API calls from this origin only).",
        "parameters": [],
        "responses": {
          "200": {
            "description": "The page.",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        },
        "security": [],
        "tags": [
          "web"
        ]
      }
    },
    "/app.js": {
      "get": {
        "operationId": "webScript",
        "summary": "Web interface script",
        "description": "The page's only script.",
        "parameters": [],
        "responses": {
          "200": {
            "description": "The script.",
            "content": {
              "text/javascript": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        },
        "security": [],
        "tags": [
          "web"
        ]
      }
    },
    "/app.css": {
      "get": {
        "operationId": "webStyles",
        "summary": "Web interface styles",
        "description": "The page's only stylesheet.",
        "parameters": [],
        "responses": {
          "200": {
            "description": "The stylesheet.",
            "content": {
              "text/css": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        },
        "security": [],
        "tags": [
          "web"
        ]
      }
    },
    "/healthz": {
      "get": {
        "operationId": "healthz",
        "summary": "Liveness",
        "description": "200 as soon as the process serves, also while the index loads.",
        "parameters": [],
        "responses": {
          "200": {
            "description": "Alive.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                }
              }
            }
          }
        },
        "security": [],
        "tags": [
          "operations"
        ]
      }
    },
    "/readyz": {
      "get": {
        "operationId": "readyz",
        "summary": "Readiness",
        "description": "200 once the whole index is loaded; 503 before.",
        "parameters": [],
        "responses": {
          "200": {
            "description": "Ready.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Readiness"
                }
              }
            }
          },
          "503": {
            "description": "Still loading.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Readiness"
                }
              }
            }
          }
        },
        "security": [],
        "tags": [
          "operations"
        ]
      }
    },
    "/metrics": {
      "get": {
        "operationId": "metrics",
        "summary": "Prometheus metrics",
        "description": "Latency histograms per route, method and status (hoso_http_request_duration_seconds); hoso_ready, hoso_records, hoso_index_bytes, hoso_flagged_keys; rate-limit and audit totals.",
        "parameters": [],
        "responses": {
          "200": {
            "description": "Prometheus text exposition format 0.0.4.",
            "content": {
              "text/plain": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        },
        "security": [],
        "tags": [
          "operations"
        ]
      }
    },
    "/openapi.json": {
      "get": {
        "operationId": "openapi",
        "summary": "This document",
        "description": "The OpenAPI 3.1 description of the API.",
        "parameters": [],
        "responses": {
          "200": {
            "description": "The document.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        },
        "security": [],
        "tags": [
          "operations"
        ]
      }
    }
  },
  "components": {
    "schemas": {
      "Error": {
        "type": "object",
        "required": [
          "error"
        ],
        "additionalProperties": false,
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "code",
              "message"
            ],
            "additionalProperties": false,
            "properties": {
              "code": {
                "type": "string",
                "enum": [
                  "invalid_parameter",
                  "unauthorized",
                  "forbidden",
                  "not_found",
                  "too_large",
                  "rate_limited",
                  "unavailable",
                  "internal_error",
                  "bad_request",
                  "method_not_allowed"
                ]
              },
              "message": {
                "type": "string"
              },
              "parameter": {
                "type": "string",
                "description": "The query or path parameter at fault."
              }
            }
          }
        }
      },
      "Person": {
        "type": "object",
        "description": "A person as the caller may see it: fields above the key's level are left out (DESIGN §2–3); birth_date is only its year at level 0; unknown fields appear at level 2.",
        "required": [
          "id",
          "full_name"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "national_id": {
            "type": "string",
            "description": "Level 2."
          },
          "full_name": {
            "type": "string"
          },
          "other_names": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "gender": {
            "type": "string",
            "enum": [
              "Nam",
              "Nữ"
            ]
          },
          "birth_date": {
            "type": "string",
            "pattern": "^[0-9]{4}(-[0-9]{2}-[0-9]{2})?$"
          },
          "hometown": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "object",
                "required": [
                  "commune",
                  "province"
                ],
                "properties": {
                  "commune": {
                    "type": "string"
                  },
                  "district": {
                    "type": "string"
                  },
                  "province": {
                    "type": "string"
                  }
                },
                "additionalProperties": false
              }
            ]
          },
          "ethnicity": {
            "type": "string"
          },
          "religion": {
            "type": "string"
          },
          "agency": {
            "type": "string"
          },
          "agency_code": {
            "type": "string"
          },
          "position": {
            "type": "string"
          },
          "grade": {
            "type": "string"
          },
          "work_history": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "from",
                "to",
                "agency",
                "position"
              ],
              "properties": {
                "from": {
                  "type": "string",
                  "pattern": "^[0-9]{4}-[0-9]{2}$",
                  "description": "YYYY-MM"
                },
                "to": {
                  "type": [
                    "string",
                    "null"
                  ],
                  "pattern": "^[0-9]{4}-[0-9]{2}$",
                  "description": "YYYY-MM; null while current"
                },
                "agency": {
                  "type": "string"
                },
                "position": {
                  "type": "string"
                }
              },
              "additionalProperties": false
            }
          },
          "training": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "from",
                "to",
                "institution",
                "qualification"
              ],
              "properties": {
                "from": {
                  "type": "string",
                  "pattern": "^[0-9]{4}-[0-9]{2}$",
                  "description": "YYYY-MM"
                },
                "to": {
                  "type": [
                    "string",
                    "null"
                  ],
                  "pattern": "^[0-9]{4}-[0-9]{2}$",
                  "description": "YYYY-MM; null while current"
                },
                "institution": {
                  "type": "string"
                },
                "qualification": {
                  "type": "string"
                }
              },
              "additionalProperties": false
            }
          },
          "status": {
            "type": "string",
            "enum": [
              "active",
              "retired",
              "transferred_out",
              "deceased"
            ]
          },
          "access_level": {
            "type": "integer",
            "minimum": 0,
            "maximum": 3
          },
          "source": {
            "type": "string"
          },
          "version": {
            "type": "integer"
          },
          "updated_at": {
            "type": "string"
          }
        },
        "additionalProperties": true
      },
      "SearchResult": {
        "type": "object",
        "required": [
          "total",
          "hits",
          "next_cursor",
          "took_ms"
        ],
        "additionalProperties": false,
        "properties": {
          "total": {
            "type": "integer",
            "minimum": 0,
            "description": "Exact number of matching records the key may see."
          },
          "hits": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "id",
                "score",
                "tier",
                "person"
              ],
              "additionalProperties": false,
              "properties": {
                "id": {
                  "type": "string"
                },
                "score": {
                  "type": "number"
                },
                "tier": {
                  "type": "string",
                  "enum": [
                    "exact",
                    "tone",
                    "folded",
                    "variant",
                    "lineage",
                    "fuzzy"
                  ],
                  "description": "The worst tier among the query's words (DESIGN §4)."
                },
                "person": {
                  "$ref": "#/components/schemas/Person"
                }
              }
            }
          },
          "next_cursor": {
            "type": [
              "string",
              "null"
            ],
            "description": "Pass as `cursor` for the next page; null on the last."
          },
          "took_ms": {
            "type": "number",
            "minimum": 0
          }
        }
      },
      "History": {
        "type": "object",
        "required": [
          "id",
          "full_name",
          "current",
          "timeline",
          "transfers"
        ],
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string"
          },
          "full_name": {
            "type": "string"
          },
          "current": {
            "oneOf": [
              {
                "type": "null"
              },
              {
                "type": "object",
                "required": [
                  "from",
                  "agency",
                  "agency_now",
                  "position"
                ],
                "additionalProperties": false,
                "properties": {
                  "from": {
                    "type": "string",
                    "pattern": "^[0-9]{4}-[0-9]{2}$",
                    "description": "YYYY-MM"
                  },
                  "agency": {
                    "type": "string"
                  },
                  "agency_now": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The agency's name today, after the 2025 mergers of ministries (1 March) and provinces (1 July); the same name when unchanged; null for a district office that ended without one successor."
                  },
                  "position": {
                    "type": "string"
                  }
                }
              }
            ]
          },
          "timeline": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "from",
                "to",
                "agency",
                "agency_now",
                "agency_changes",
                "position",
                "transfer"
              ],
              "additionalProperties": false,
              "properties": {
                "from": {
                  "type": "string",
                  "pattern": "^[0-9]{4}-[0-9]{2}$",
                  "description": "YYYY-MM"
                },
                "to": {
                  "type": [
                    "string",
                    "null"
                  ],
                  "pattern": "^[0-9]{4}-[0-9]{2}$",
                  "description": "YYYY-MM; null while current"
                },
                "agency": {
                  "type": "string"
                },
                "agency_now": {
                  "type": [
                    "string",
                    "null"
                  ],
                  "description": "The agency's name today (2025 mergers of ministries and provinces); the same name when unchanged; null for a district office that ended without one successor."
                },
                "agency_changes": {
                  "type": "array",
                  "description": "What happened to the agency since, oldest first; empty when unchanged.",
                  "items": {
                    "type": "object",
                    "required": [
                      "date",
                      "reason"
                    ],
                    "additionalProperties": false,
                    "properties": {
                      "date": {
                        "type": "string",
                        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                        "description": "YYYY-MM-DD the change took effect"
                      },
                      "reason": {
                        "type": "string"
                      }
                    }
                  }
                },
                "position": {
                  "type": "string"
                },
                "transfer": {
                  "type": "boolean",
                  "description": "A post at another agency than the one before — not when it is the agency the one before became in the 2025 reorganisation, from that change on."
                }
              }
            }
          },
          "transfers": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "date",
                "from_agency",
                "to_agency"
              ],
              "additionalProperties": false,
              "properties": {
                "date": {
                  "type": "string",
                  "pattern": "^[0-9]{4}-[0-9]{2}$",
                  "description": "YYYY-MM"
                },
                "from_agency": {
                  "type": "string"
                },
                "to_agency": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "QualityReport": {
        "type": "object",
        "required": [
          "checked_at",
          "took_ms",
          "example_limit",
          "overall",
          "agencies"
        ],
        "additionalProperties": false,
        "properties": {
          "checked_at": {
            "type": "string",
            "description": "RFC 3339; \"updated within 12 months\" counts from it."
          },
          "took_ms": {
            "type": "integer",
            "minimum": 0
          },
          "example_limit": {
            "type": "integer",
            "minimum": 1
          },
          "overall": {
            "$ref": "#/components/schemas/QualityGroup"
          },
          "agencies": {
            "type": "array",
            "description": "One entry per source agency (`source`; records without one under \"(none)\"), sorted by source.",
            "items": {
              "allOf": [
                {
                  "$ref": "#/components/schemas/QualityGroup"
                },
                {
                  "type": "object",
                  "required": [
                    "source"
                  ],
                  "properties": {
                    "source": {
                      "type": "string"
                    }
                  }
                }
              ]
            }
          }
        }
      },
      "QualityGroup": {
        "type": "object",
        "required": [
          "records",
          "valid",
          "complete",
          "clean",
          "current"
        ],
        "properties": {
          "records": {
            "type": "integer",
            "minimum": 0
          },
          "valid": {
            "$ref": "#/components/schemas/QualityDimension"
          },
          "complete": {
            "$ref": "#/components/schemas/QualityDimension"
          },
          "clean": {
            "$ref": "#/components/schemas/QualityDimension"
          },
          "current": {
            "$ref": "#/components/schemas/QualityDimension"
          }
        }
      },
      "QualityDimension": {
        "type": "object",
        "required": [
          "label",
          "passing",
          "failing",
          "problems"
        ],
        "additionalProperties": false,
        "properties": {
          "label": {
            "type": "string",
            "description": "đúng, đủ, sạch or sống"
          },
          "passing": {
            "type": "integer",
            "minimum": 0
          },
          "failing": {
            "type": "integer",
            "minimum": 0,
            "description": "Records with at least one problem of this kind."
          },
          "problems": {
            "type": "object",
            "description": "By rule (national_id_province, national_id_century_gender, national_id_birth_year, birth_year_implausible, work_history_dates, missing_<field>, duplicate_national_id, probable_duplicate_person, not_updated_12_months, status_inconsistent); only rules with findings.",
            "additionalProperties": {
              "type": "object",
              "required": [
                "count",
                "examples"
              ],
              "additionalProperties": false,
              "properties": {
                "count": {
                  "type": "integer",
                  "minimum": 1
                },
                "examples": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                }
              }
            }
          }
        }
      },
      "SyncResult": {
        "type": "object",
        "required": [
          "sequence",
          "lines",
          "applied",
          "stale",
          "rejected",
          "results"
        ],
        "additionalProperties": false,
        "properties": {
          "sequence": {
            "type": "integer",
            "minimum": 0,
            "description": "The change-log sequence number after the batch (for GET /v1/changes)."
          },
          "lines": {
            "type": "integer",
            "minimum": 0,
            "description": "Non-blank lines read."
          },
          "applied": {
            "type": "integer",
            "minimum": 0
          },
          "stale": {
            "type": "integer",
            "minimum": 0
          },
          "rejected": {
            "type": "integer",
            "minimum": 0
          },
          "results": {
            "type": "array",
            "description": "One per non-blank line, in line order.",
            "items": {
              "type": "object",
              "required": [
                "line",
                "id",
                "result"
              ],
              "additionalProperties": false,
              "properties": {
                "line": {
                  "type": "integer",
                  "minimum": 1,
                  "description": "1-based line number in the body (blank lines counted)."
                },
                "id": {
                  "type": [
                    "string",
                    "null"
                  ],
                  "description": "The record id, or null when the line could not be read that far."
                },
                "result": {
                  "type": "string",
                  "enum": [
                    "applied",
                    "stale",
                    "rejected"
                  ]
                },
                "reason": {
                  "type": "string",
                  "description": "Why the line was stale or rejected, naming the field at fault (`record.national_id: …`)."
                }
              }
            }
          }
        }
      },
      "Changes": {
        "type": "object",
        "required": [
          "changes",
          "next_since"
        ],
        "additionalProperties": false,
        "properties": {
          "changes": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "sequence",
                "op",
                "id",
                "version"
              ],
              "additionalProperties": false,
              "properties": {
                "sequence": {
                  "type": "integer",
                  "minimum": 1
                },
                "op": {
                  "type": "string",
                  "enum": [
                    "upsert",
                    "delete"
                  ]
                },
                "id": {
                  "type": "string",
                  "pattern": "^[A-Za-z0-9._-]{1,64}$"
                },
                "version": {
                  "type": "integer",
                  "minimum": 0
                }
              }
            }
          },
          "next_since": {
            "type": "integer",
            "minimum": 0,
            "description": "Pass as `since` for the next page."
          }
        }
      },
      "AuditLog": {
        "type": "object",
        "required": [
          "entries"
        ],
        "additionalProperties": false,
        "properties": {
          "entries": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "sequence",
                "time",
                "kind",
                "key",
                "role",
                "parameters",
                "subject",
                "ids",
                "hash"
              ],
              "properties": {
                "sequence": {
                  "type": "integer",
                  "minimum": 0
                },
                "time": {
                  "type": "string",
                  "format": "date-time"
                },
                "kind": {
                  "type": "string",
                  "enum": [
                    "search",
                    "view",
                    "history",
                    "me",
                    "audit",
                    "flag"
                  ]
                },
                "key": {
                  "type": "string",
                  "description": "The key id (k_…), never its secret."
                },
                "role": {
                  "type": "string",
                  "enum": [
                    "officer",
                    "recruiter",
                    "agency",
                    "self",
                    "admin"
                  ]
                },
                "parameters": {
                  "type": "string"
                },
                "subject": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "ids": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                },
                "hash": {
                  "type": "string",
                  "pattern": "^[0-9a-f]{64}$",
                  "description": "Chain hash of this entry."
                }
              }
            }
          }
        }
      },
      "Health": {
        "type": "object",
        "required": [
          "status"
        ],
        "additionalProperties": false,
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ok"
            ]
          }
        }
      },
      "Readiness": {
        "type": "object",
        "required": [
          "ready"
        ],
        "additionalProperties": false,
        "properties": {
          "ready": {
            "type": "boolean"
          }
        }
      }
    },
    "securitySchemes": {
      "bearerKey": {
        "type": "http",
        "scheme": "bearer",
        "description": "A key from `hoso keys create`."
      }
    }
  }
}
"""#
}
