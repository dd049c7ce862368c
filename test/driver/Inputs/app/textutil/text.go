// The directory is textutil, the package text: importers use the clause's name.
package text

import "strings"

func Shout(s string) string { return strings.ToUpper(s) + "!" }
