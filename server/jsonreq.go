package server

import (
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/orgchart/orgchart/graph/diag"
)

// decodeJSON decodes the JSON request body into v, a pointer to a struct
// with json tags, strictly: a key given twice (at any depth), an unknown
// key, a key in another case, invalid UTF-8 and data after the object are
// refused. Errors are 400s in the client's terms (keys and JSON kinds,
// never Go types), naming what the request is and showing example.
//
// go-json-experiment/json is the Go team's implementation of what
// encoding/json/v2 is in the standard library behind GOEXPERIMENT=jsonv2
// (the same API): encoding/json (v1) keeps the last of two duplicate keys
// and names Go types in its errors. Once encoding/json/v2 is on by
// default, the import changes and nothing else.
func decodeJSON(body []byte, v any, what, example string) error {
	if len(strings.TrimSpace(string(body))) == 0 {
		return errorf(http.StatusBadRequest, "the request body is empty: send a JSON %s such as %s", what, example)
	}
	err := json.Unmarshal(body, v, json.RejectUnknownMembers(true))
	if err == nil {
		return nil
	}
	return errorf(http.StatusBadRequest, "the request body is not a valid JSON %s: %s (want %s)", what, jsonProblem(err, v), example)
}

// jsonProblem says what is wrong in err, an error of json.Unmarshal into
// v, in the client's terms.
func jsonProblem(err error, v any) string {
	var syn *jsontext.SyntacticError
	var sem *json.SemanticError
	switch {
	case errors.As(err, &syn):
		if errors.Is(syn.Err, jsontext.ErrDuplicateName) {
			return fmt.Sprintf("the key %s is given twice%s: keep one", diag.Excerpt(syn.JSONPointer.LastToken()), within(syn.JSONPointer.Parent()))
		}
		msg := strings.TrimPrefix(syn.Err.Error(), "jsontext: ")
		return fmt.Sprintf("%s at byte %d%s", diag.Clip(msg), syn.ByteOffset, within(syn.JSONPointer))
	case errors.As(err, &sem):
		if errors.Is(sem.Err, json.ErrUnknownName) {
			return fmt.Sprintf("unknown key %s%s: the keys are %s", diag.Excerpt(sem.JSONPointer.LastToken()), within(sem.JSONPointer.Parent()), strings.Join(jsonKeys(v), ", "))
		}
		where := "the body"
		if sem.JSONPointer != "" {
			where = diag.Excerpt(strings.TrimPrefix(string(sem.JSONPointer), "/"))
		}
		return fmt.Sprintf("%s must be %s, not %s", where, kindOfType(sem.GoType), kindName(sem.JSONKind))
	}
	return diag.Clip(err.Error())
}

// within names the object that JSON pointer p points at, for a message.
func within(p jsontext.Pointer) string {
	if p == "" {
		return ""
	}
	return " in " + diag.Excerpt(strings.TrimPrefix(string(p), "/"))
}

// jsonKeys lists the json keys of the struct v points at.
func jsonKeys(v any) []string {
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var keys []string
	if t.Kind() == reflect.Struct {
		for f := range t.Fields() {
			if k, _, _ := strings.Cut(f.Tag.Get("json"), ","); k != "" && k != "-" {
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// kindOfType names what JSON a Go type t takes, in the client's terms.
func kindOfType(t reflect.Type) string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return "a JSON value"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8,
		reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "a JSON value"
}

// kindName names a JSON kind for a message.
func kindName(k jsontext.Kind) string {
	switch k {
	case 'n':
		return "null"
	case 't', 'f':
		return "true or false"
	case '"':
		return "a string"
	case '0':
		return "a number"
	case '{':
		return "an object"
	case '[':
		return "a list"
	}
	return "that"
}

// valueKind names the kind of a decoded JSON value (any) for a message.
func valueKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "true or false"
	case string:
		return "a string"
	case float64:
		return "a number"
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	}
	return "that"
}
