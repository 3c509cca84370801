<?php
/**
 * Plugin Name:       Rapor — kalkulator penilaian Ombudsman
 * Description:       Kalkulator Penilaian Maladministrasi / Kepatuhan Ombudsman RI untuk situs pemda: shortcode [rapor] dan blok "Rapor". Semua berjalan di peramban pengunjung; tidak ada data yang dikirim ke server.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       rapor
 * Network:           false
 *
 * The widget's build files ship inside the plugin (build/), nothing from a CDN. The
 * shortcode and the block print one `<div data-rapor data-…>` with escaped settings and
 * enqueue build/embed.js on that page only. Shortcodes and dynamic blocks survive the
 * editor's filtering, so a site admin on a multisite network (who has no
 * unfiltered_html and cannot paste a <script> or an <iframe>) can still place it.
 */

defined( 'ABSPATH' ) || exit;

const RAPOR_VERSION = '0.1.0';

/** The widget's settings, as the shortcode's and the block's attributes. */
const RAPOR_SETTINGS = array( 'ruleset', 'lang', 'units', 'compact', 'accent', 'background', 'text', 'focus', 'instance' );

/** The build folder's address. */
function rapor_build_url() {
	return plugins_url( 'build/', __FILE__ );
}

/** The widget's element, every attribute escaped; `embed.js` is enqueued with it. */
function rapor_render( $atts ) {
	$atts = shortcode_atts( array_fill_keys( RAPOR_SETTINGS, '' ), is_array( $atts ) ? $atts : array(), 'rapor' );
	$data = '';
	foreach ( RAPOR_SETTINGS as $key ) {
		$value = trim( (string) $atts[ $key ] );
		if ( '' !== $value ) {
			$data .= sprintf( ' data-%s="%s"', $key, esc_attr( $value ) );
		}
	}
	wp_enqueue_script( 'rapor-embed' );
	return '<div class="rapor-embed" data-rapor' . $data . '></div>';
}

function rapor_init() {
	// In the footer, with a version: only pages that render the shortcode or the block
	// enqueue it (rapor_render), so no other page loads anything of Rapor.
	wp_register_script( 'rapor-embed', rapor_build_url() . 'embed.js', array(), RAPOR_VERSION, true );
	add_shortcode( 'rapor', 'rapor_render' );
	wp_register_script(
		'rapor-block',
		plugins_url( 'block.js', __FILE__ ),
		array( 'wp-blocks', 'wp-element', 'wp-components', 'wp-block-editor' ),
		RAPOR_VERSION,
		true
	);
	$attributes = array();
	foreach ( RAPOR_SETTINGS as $key ) {
		$attributes[ $key ] = array(
			'type'    => 'string',
			'default' => '',
		);
	}
	register_block_type(
		'rapor/kalkulator',
		array(
			'api_version'     => 2,
			'title'           => 'Rapor',
			'editor_script'   => 'rapor-block',
			'attributes'      => $attributes,
			'render_callback' => 'rapor_render',
		)
	);
}
add_action( 'init', 'rapor_init' );

/** The .wasm file of the build (its name carries a hash). */
function rapor_wasm_file() {
	$found = glob( __DIR__ . '/build/rapor-web-*_bg.wasm' );
	return $found ? basename( $found[0] ) : '';
}

/**
 * What the server answers for the widget's .wasm: its Content-Type, or a WP_Error. The
 * plugin's build/.htaccess asks Apache for `application/wasm`; other servers need it
 * set by the host.
 */
function rapor_wasm_type() {
	$file = rapor_wasm_file();
	if ( '' === $file ) {
		return new WP_Error( 'rapor_no_build', 'build/ has no .wasm file' );
	}
	$response = wp_remote_head( rapor_build_url() . $file, array( 'timeout' => 10 ) );
	if ( is_wp_error( $response ) ) {
		return $response;
	}
	return (string) wp_remote_retrieve_header( $response, 'content-type' );
}

/** Settings → Rapor: how to use it, and whether the server serves the widget right. */
function rapor_settings_page() {
	$type = rapor_wasm_type();
	echo '<div class="wrap"><h1>Rapor</h1>';
	echo '<p>Shortcode: <code>[rapor ruleset="ombudsman-2025" lang="id" units="Dinas Kesehatan|Dinas Pendidikan|Dinas Sosial"]</code>. ';
	echo 'Blok: <strong>Rapor</strong> (kategori Widget). Pengaturan: ' . esc_html( implode( ', ', RAPOR_SETTINGS ) ) . '.</p>';
	if ( is_wp_error( $type ) ) {
		echo '<p class="rapor-check">Pemeriksaan tipe .wasm tidak dapat dijalankan: ' . esc_html( $type->get_error_message() ) . '</p>';
	} elseif ( 0 === strpos( strtolower( $type ), 'application/wasm' ) ) {
		echo '<p class="rapor-check">Server mengirim berkas .wasm sebagai <code>application/wasm</code>: baik.</p>';
	} else {
		echo '<p class="rapor-check">Server mengirim berkas .wasm sebagai <code>' . esc_html( '' === $type ? '(tanpa tipe)' : $type ) . '</code>. ';
		echo 'Widget tetap berjalan (lebih lambat memulai). Mintalah penyedia hosting menyajikan <code>.wasm</code> sebagai <code>application/wasm</code> ';
		echo '(Apache: <code>AddType application/wasm .wasm</code>, sudah ada di build/.htaccess bila AllowOverride mengizinkan; nginx: <code>types { application/wasm wasm; }</code>).</p>';
	}
	echo '<p>Bila situs memakai Content-Security-Policy, halaman dengan Rapor memerlukan <code>script-src \'self\' \'wasm-unsafe-eval\'; worker-src \'self\'; style-src \'self\'</code>.</p>';
	echo '</div>';
}

function rapor_admin_menu() {
	add_options_page( 'Rapor', 'Rapor', 'manage_options', 'rapor', 'rapor_settings_page' );
}
add_action( 'admin_menu', 'rapor_admin_menu' );
