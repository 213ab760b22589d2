/*
 * Draws a BPMN diagram with the bpmn-js NavigatedViewer (window.BpmnJS, served from /bpmn-js/, fetched from the npm
 * registry at build time) and marks the activities active now. Called by TaskDetailView through executeJs.
 * The container gets data-rendered="true" and data-active="<ids>" when done, or data-error on failure.
 */
window.DubanProcessDiagram = {
  show: function (container, xml, activeIds, attempt) {
    var self = this;
    if (typeof window.BpmnJS === 'undefined') {
      if ((attempt || 0) > 100) {
        container.setAttribute('data-error', 'bpmn-js not loaded');
        return;
      }
      setTimeout(function () { self.show(container, xml, activeIds, (attempt || 0) + 1); }, 100);
      return;
    }
    if (container.dubanViewer) {
      container.dubanViewer.destroy();
    }
    var viewer = new window.BpmnJS({ container: container });
    container.dubanViewer = viewer;
    viewer.importXML(xml).then(function () {
      var canvas = viewer.get('canvas');
      canvas.zoom('fit-viewport');
      (activeIds || []).forEach(function (id) {
        try {
          canvas.addMarker(id, 'duban-active');
        } catch (e) {
          /* an id the diagram does not draw (e.g. a multi-instance body) */
        }
      });
      container.setAttribute('data-active', (activeIds || []).join(','));
      container.setAttribute('data-rendered', 'true');
    }).catch(function (err) {
      container.setAttribute('data-error', String(err && err.message ? err.message : err));
    });
  }
};
