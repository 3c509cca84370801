// The "Rapor" block for the block editor, without a build step: its settings in the
// sidebar, a placeholder in the editor, and the widget rendered by the server
// (rapor_render in rapor.php), so the post stores only the block's attributes.
(function (blocks, element, blockEditor, components) {
  'use strict';
  var el = element.createElement;
  var fields = [
    ['ruleset', 'Metode (mis. ombudsman-2025)'],
    ['lang', 'Bahasa: id atau en'],
    ['units', 'Unit awal, dipisah |'],
    ['instance', 'Nama penyimpanan'],
    ['compact', 'Ringkas: 1'],
    ['accent', 'Warna aksen, #rrggbb'],
    ['background', 'Warna latar, #rrggbb'],
    ['text', 'Warna teks, #rrggbb'],
    ['focus', 'Warna fokus, #rrggbb'],
  ];
  var attributes = {};
  fields.forEach(function (f) { attributes[f[0]] = { type: 'string', default: '' }; });
  blocks.registerBlockType('rapor/kalkulator', {
    apiVersion: 2,
    title: 'Rapor',
    description: 'Kalkulator penilaian Ombudsman RI',
    icon: 'calculator',
    category: 'widgets',
    attributes: attributes,
    edit: function (props) {
      var a = props.attributes;
      var controls = fields.map(function (f) {
        return el(components.TextControl, {
          key: f[0],
          label: f[1],
          value: a[f[0]],
          onChange: function (v) { var o = {}; o[f[0]] = v; props.setAttributes(o); },
        });
      });
      return el('div', blockEditor.useBlockProps({ className: 'rapor-block-placeholder' }),
        el(blockEditor.InspectorControls, null, el(components.PanelBody, { title: 'Rapor' }, controls)),
        el('p', null, 'Rapor — kalkulator penilaian' + (a.ruleset ? ' (' + a.ruleset + ')' : '')));
    },
    save: function () { return null; },
  });
})(window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components);
