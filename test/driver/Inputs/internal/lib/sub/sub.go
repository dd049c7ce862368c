package sub

import "example.com/internal/lib/internal/secret"

const T = secret.S
