package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"net/http"
	"strings"
)

// logoSize is the icon's width and height in pixels, the size NuGet shows.
const logoSize = 64

// drawLogo draws the package's icon: two linked rings, for a private link, on a transparent
// background. Paletted and stored without compression, so the bytes are the same with any Go
// release (a compressor's output may change between releases; test/docs/sdks.test.ts compares bytes).
func drawLogo() []byte {
	img := image.NewPaletted(image.Rect(0, 0, logoSize, logoSize), color.Palette{
		color.NRGBA{0, 0, 0, 0},
		color.NRGBA{0x1f, 0x6f, 0xc5, 0xff},
	})
	// Ring centres 16 px apart and radius 13: each ring passes through the other's middle.
	for y := 0; y < logoSize; y++ {
		for x := 0; x < logoSize; x++ {
			px, py := float64(x)+0.5, float64(y)+0.5
			for _, cx := range []float64{24, 40} {
				if math.Abs(math.Hypot(px-cx, py-32)-13) <= 2.5 {
					img.SetColorIndex(x, y, 1)
				}
			}
		}
	}
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.NoCompression}
	if err := enc.Encode(&b, img); err != nil {
		panic(err) // writing to memory: only a bug in the image can fail
	}
	return b.Bytes()
}

// logoOnly is the HTTP transport while generating: the .NET generator's one request is for the
// package's icon (a .png), which it gets from drawLogo; any other request is refused, naming it.
type logoOnly struct{}

func (logoOnly) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method != http.MethodGet || !strings.HasSuffix(r.URL.Path, ".png") {
		return nil, fmt.Errorf("%s %s: sdkgen-dotnet makes no network requests (it answers only the icon's, with its own logo)", r.Method, r.URL)
	}
	body := drawLogo()
	return &http.Response{
		Status:        "200 OK",
		StatusCode:    http.StatusOK,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        http.Header{"Content-Type": {"image/png"}},
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       r,
	}, nil
}
